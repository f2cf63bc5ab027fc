// Album viewer; links work without it.
{const d=document.getElementById("penampil"),a=[...document.querySelectorAll("[data-penampil] a")];let i=0;
const s=k=>{i=(k+a.length)%a.length;const u=a[i].href;fetch(u).then(r=>r.text()).then(t=>{d.firstElementChild.innerHTML=new DOMParser().parseFromString(t,"text/html").querySelector("figure").outerHTML.replace(/(src(?:set)?=")([^"]*)/g,(m,p,v)=>p+v.replace(/(^|,\s*)([^\s,]+)/g,(m,c,x)=>c+new URL(x,u)));d.querySelector("output").textContent=`Foto ${i+1} dari ${a.length}`;d.open||d.showModal()},()=>location=u)};
if(d?.showModal){a.forEach((l,k)=>l.onclick=e=>e.ctrlKey||e.metaKey||e.shiftKey||(e.preventDefault(),s(k)));
d.onclick=e=>{const g=e.target.dataset.go;e.target==d||g=="0"?d.close():g&&s(i+ +g)};
d.onkeydown=e=>{const g={ArrowLeft:-1,ArrowRight:1}[e.key];g&&s(i+g)};d.onclose=()=>a[i].focus()}}
