// cari/: ?q=&desa=&kategori=&tahun=&hal= through Pagefind (plugin search)
{const d=document,$=i=>d.getElementById("cari"+i),f=$(""),st=$("-status"),P=new URLSearchParams(location.search),q=(P.get("q")||"").trim(),per=+f.dataset.per,el=(t,c,x)=>{const e=d.createElement(t);e.className=c||"";e.textContent=x||"";return e},Q=q?"“"+q+"”":"";
(async()=>{let pf,all;try{pf=await import(new URL(f.dataset.pagefind,location.href));all=await pf.filters()}catch(e){$("-gagal").hidden=!1;return}
$("-tanpa-js").hidden=!0;f.q.value=q;const want={};
for(const k of["desa","kategori","tahun"]){const s=f.elements[k],v=P.get(k),o=Object.keys(all[k]||{}).sort((a,b)=>k=="tahun"?b-a:a.localeCompare(b,"id"));for(const x of o)s.add(new Option(x,x,!1,x==v));if(o.includes(v))want[k]=v;s.onchange=()=>f.requestSubmit()}
$("-saring").hidden=!1;if(!q&&!Object.keys(want).length)return;
const r=await pf.search(q||null,{filters:want}),n=r.results.length,N=Math.ceil(n/per),at=Math.min(Math.max(parseInt(P.get("hal"))||1,1),N||1);
if(!n){$("-kata").textContent=Q||"saringan ini";$("-kosong").hidden=!1;return}
for(const h of await Promise.all(r.results.slice((at-1)*per,at*per).map(x=>x.data()))){const li=el("li","hit"),t=el("h2","hit__title"),a=el("a",0,h.meta.title),x=el("p","hit__text"),F=h.filters;a.href=h.url;t.append(a);
for(const c of new DOMParser().parseFromString(h.excerpt,"text/html").body.childNodes)x.append(c.nodeName=="MARK"?el("mark",0,c.textContent):c.textContent);
const M=[h.meta.tanggal,(F.desa||[]).join(", "),F.kategori].filter(Boolean).join(" · ");li.append(t,M?el("p","meta",M):"",x);$("-hasil").append(li)}
st.textContent=n+" hasil"+(q?" untuk "+Q:"")+(N>1?", halaman "+at+" dari "+N:"");
if(N>1){const go=(i,l,rel)=>{if(i<1||i>N)return el("span");P.set("hal",i);const a=el("a","btn",l);a.rel=rel;a.href="?"+P;return a},nav=$("-halaman");nav.append(go(at-1,"← Sebelumnya","prev"),el("span","pages__at","Halaman "+at+" dari "+N),go(at+1,"Berikutnya →","next"));nav.hidden=!1}})().finally(()=>{f.dataset.selesai=""})}
