// Warta Desa: set-up of the web editor (Sveltia CMS), loaded after it on admin/ only.
(function () {
  // The preview inside the editor uses the site's own stylesheet.
  var style = document.querySelector('meta[name="warta-desa-preview-style"]');
  if (window.CMS && style) {
    window.CMS.registerPreviewStyle(style.content);
  }
  // The editor adds a viewport tag that forbids zooming on phones; operators may need
  // to zoom (WCAG 1.4.4), so any such tag is made zoomable again.
  function allowZoom() {
    var tags = document.querySelectorAll('meta[name="viewport"]');
    for (var i = 0; i < tags.length; i++) {
      var content = tags[i].getAttribute('content') || '';
      if (/maximum-scale|user-scalable/.test(content)) {
        tags[i].setAttribute('content', content
          .replace(/,?\s*maximum-scale=[^,]*/g, '')
          .replace(/,?\s*user-scalable=[^,]*/g, ''));
      }
    }
  }
  allowZoom();
  new MutationObserver(allowZoom).observe(document.head, {childList: true});
})();
