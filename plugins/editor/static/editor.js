// Warta Desa: the editor's preview uses the site's own stylesheet.
(function () {
  var style = document.querySelector('meta[name="warta-desa-preview-style"]');
  if (window.CMS && style) {
    window.CMS.registerPreviewStyle(style.content);
  }
})();
