// Search page only: reads ?q=&desa=&kategori=&tahun=&hal= and asks Pagefind (plugin search).
{const f=document.getElementById("cari");(async()=>{const d=document,st=d.getElementById("cari-status"),ol=d.getElementById("cari-hasil"),nav=d.getElementById("cari-halaman"),P=new URLSearchParams(location.search),q=(P.get("q")||"").trim(),per=+f.dataset.per||10,keys=["desa","kategori","tahun"],el=(t,c,x)=>{const e=d.createElement(t);if(c)e.className=c;if(x)e.textContent=x;return e};let pf,all;
try{pf=await import(new URL(f.dataset.pagefind,location.href).href);await pf.options({excerptLength:30});all=await pf.filters()}catch(e){st.textContent="Maaf, pencarian tidak bisa dimuat. Coba muat ulang halaman ini.";return}
d.getElementById("cari-tanpa-js").hidden=!0;f.q.value=q;
const want={};for(const k of keys){const s=f.elements[k],v=P.get(k)||"",o=Object.keys(all[k]||{}).sort((a,b)=>k=="tahun"?b-a:a.localeCompare(b,"id"));for(const x of o)s.add(new Option(x,x,!1,x==v));if(v&&o.includes(v))want[k]=v;s.onchange=()=>f.requestSubmit()}
f.querySelector(".search__filters").hidden=!1;if(!q&&!Object.keys(want).length)return;
st.textContent="Mencari…";const r=await pf.search(q||null,{filters:want}),n=r.results.length,pages=Math.ceil(n/per),at=Math.min(Math.max(parseInt(P.get("hal"))||1,1),pages||1);
if(!n){st.textContent="";d.getElementById("cari-kata").textContent=q?"“"+q+"”":"saringan ini";d.getElementById("cari-kosong").hidden=!1;return}
const hits=await Promise.all(r.results.slice((at-1)*per,at*per).map(x=>x.data()));
for(const h of hits){const li=el("li","hit"),t=el("h2","hit__title"),a=el("a",0,h.meta.title||h.url),m=el("p","meta"),x=el("p","hit__text"),fi=h.filters||{};a.href=h.url;t.append(a);
m.textContent=[h.meta.tanggal,(fi.desa||[]).join(", "),(fi.kategori||[])[0]].filter(Boolean).join(" · ");
for(const c of new DOMParser().parseFromString(h.excerpt||"","text/html").body.childNodes)x.append(c.nodeName=="MARK"?el("mark",0,c.textContent):c.textContent);
li.append(t,m,x);ol.append(li)}
st.textContent=n+" hasil"+(q?" untuk “"+q+"”":"")+(pages>1?", halaman "+at+" dari "+pages:"");
if(pages>1){const go=(i,lab,rel)=>{if(i<1||i>pages)return el("span");P.set("hal",i);const a=el("a","btn",lab);a.rel=rel;a.href="?"+P;return a};nav.append(go(at-1,"← Sebelumnya","prev"),el("span","pages__at","Halaman "+at+" dari "+pages),go(at+1,"Berikutnya →","next"));nav.hidden=!1}})().finally(()=>{f.dataset.selesai=""})}
