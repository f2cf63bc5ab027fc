/* Warta Desa: the YouTube poster link becomes the youtube-nocookie player on click/Enter/Space. */
(function(d){
function play(e,a){
e.preventDefault();
var f=d.createElement("iframe");
f.src=a.getAttribute("data-embed");
f.title=a.getAttribute("data-title")||"Video YouTube";
f.allow="autoplay; encrypted-media; picture-in-picture";
f.setAttribute("allowfullscreen","");
f.className="video__frame";
a.replaceWith(f);
f.focus();
}
function link(e){
return e.target.closest&&e.target.closest("a.video__link[data-embed]");
}
d.addEventListener("click",function(e){
var a=link(e);
if(a&&!e.button&&!e.ctrlKey&&!e.metaKey&&!e.shiftKey&&!e.altKey)play(e,a);
});
d.addEventListener("keydown",function(e){
var a=link(e);
if(a&&e.key==" ")play(e,a);
});
})(document);
