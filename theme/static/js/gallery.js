// Album viewer: a thumbnail opens its photo in a dialog (arrow keys: previous/next, Esc
// closes, focus returns to the thumbnail); without JavaScript the link opens its page.
{const d=document.getElementById("penampil"),g=document.querySelector("[data-penampil]");
if(d&&g&&d.showModal&&window.fetch){const a=[...g.querySelectorAll("a")],b=d.querySelector(".viewer__body"),n=d.querySelector(".viewer__at");let i=0;
const abs=(v,u)=>v.split(",").map(p=>{p=p.trim().split(/\s+/);p[0]=new URL(p[0],u).href;return p.join(" ")}).join(", ");
const show=k=>{i=(k+a.length)%a.length;const u=a[i].href;fetch(u).then(r=>r.text()).then(t=>{const f=new DOMParser().parseFromString(t,"text/html").querySelector("figure");if(!f){location=u;return}
for(const e of f.querySelectorAll("img,source"))for(const x of["src","srcset"]){const v=e.getAttribute(x);if(v)e.setAttribute(x,x=="src"?new URL(v,u).href:abs(v,u))}
b.replaceChildren(f);n.textContent=`Foto ${i+1} dari ${a.length}`;d.open||d.showModal()},()=>{location=u})};
a.forEach((l,k)=>l.addEventListener("click",e=>{if(e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;e.preventDefault();show(k)}));
d.addEventListener("click",e=>{const s=e.target.dataset.go;if(e.target==d||s=="0")d.close();else if(s)show(i+ +s)});
d.addEventListener("keydown",e=>{if(e.key=="ArrowLeft")show(i-1);if(e.key=="ArrowRight")show(i+1)});
d.addEventListener("close",()=>a[i].focus())}}
