// cari/: the filter lists come with the page; Pagefind is loaded only for a search
{let d=document,$=i=>d.getElementById("cari"+i),f=$(""),P=new URLSearchParams(location.search),q=(P.get("q")||"").trim(),per=+f.dataset.per,el=(t,c,x)=>Object.assign(d.createElement(t),{className:c||"",textContent:x||""}),Q=q?"“"+q+"”":"",W={};
$("-tanpa-js").hidden=1;f.q.value=q;
let S=f.querySelectorAll("select");for(let s of S){let v=P.get(s.name);if(v){W[s.name]=v;if([...s.options].some(o=>o.value==v))s.value=v}s.onchange=()=>f.requestSubmit()}
$("-saring").hidden=!S.length;
(async()=>{if(!q&&!Object.keys(W).length)return;let pf;try{let u=new URL(f.dataset.pagefind,location),m=await fetch(new URL("shards.json",u),{cache:"no-cache"}).then(r=>r.ok?r.json():{});pf=await import(u);await Promise.all((m.merge||[]).map(s=>pf.mergeIndex(""+new URL(s,u))))}catch(e){$("-gagal").hidden=0;$("-tanpa-js").hidden=0;return}
let r=await pf.search(q||null,q?{filters:W}:{filters:W,sort:{waktu:"desc"}}),n=r.results.length,N=Math.ceil(n/per),at=Math.min(Math.max(P.get("hal")|0,1),N||1);
if(!n){$("-kata").textContent=Q||"saringan ini";$("-kosong").hidden=0;return}
for(let h of await Promise.all(r.results.slice((at-1)*per,at*per).map(x=>x.data()))){let li=el("li","hit"),t=el("h2","hit__title"),a=el("a",0,h.meta.title),x=el("p","hit__text"),F=h.filters;a.href=h.url;t.append(a);
for(let c of new DOMParser().parseFromString(h.excerpt,"text/html").body.childNodes)x.append(c.nodeName=="MARK"?el("mark",0,c.textContent):c.textContent);
let M=[h.meta.tanggal,(F.desa||[]).join(", "),F.kategori].filter(Boolean).join(" · ");li.append(t,M?el("p","meta",M):"",x);$("-hasil").append(li)}
$("-status").textContent=n+" hasil"+(q?" untuk "+Q:"")+(N>1?", halaman "+at+" dari "+N:"");
if(N>1){let go=(i,l,rel)=>i<1||i>N?el("span"):(P.set("hal",i),Object.assign(el("a","btn",l),{rel,href:"?"+P})),nav=$("-halaman");nav.append(go(at-1,"← Sebelumnya","prev"),el("span","pages__at","Halaman "+at+" dari "+N),go(at+1,"Berikutnya →","next"));nav.hidden=0}})().finally(()=>{f.dataset.selesai=""})}
