{let d=document,$=i=>d.getElementById("cari"+i),f=$(""),D=f.dataset,P=new URLSearchParams(location.search),q=P.get("q")?.trim()||"",el=(t,c="",x="")=>Object.assign(d.createElement(t),{className:c,textContent:x}),Q=q&&"“"+q+"”",W={},S=f.querySelectorAll("select"),T=$("-status"),w=v=>T.textContent=v,J=$("-tanpa-js"),R=()=>k||f.requestSubmit(),k,
y=()=>{f.q.value=q;for(let s of S){let v=P.get(s.name)||"";if(v)W[s.name]=v;s.value=v;s.selectedIndex<0&&(s.value="");s.onkeydown=e=>R(k=e.key!="Enter");s.onchange=R}};
J.hidden=1;$("-saring").hidden=!S[0];y();onpageshow=y;
(async()=>{let F=Object.values(W),z=D.per,p,n,N,A,r;if(!q&&!F[0])return $("-isi").hidden=!P.has("q");
w("Mencari…");try{let u=new URL(D.pagefind,location),m=await fetch(new URL("shards.json",u),{cache:"no-cache"}).then(r=>r.ok?r.json():{});p=await import(u);await Promise.all((m.merge||[]).map(s=>p.mergeIndex(""+new URL(s,u))))}catch(e){w();$("-gagal").hidden=J.hidden=0;return}
r=(await p.search(q||null,{filters:W,sort:q?{}:{waktu:"desc"}})).results;n=r.length;N=Math.ceil(n/z);A=Math.max(Math.min(P.get("hal")|0,N),1);
w(n?n+" hasil"+(Q&&" untuk "+Q)+(N>1?", halaman "+A+" dari "+N:""):"");
if(!n){$("-kata").textContent=Q+(F[0]?(Q&&" dengan ")+"saringan "+F.join(", "):"");$("-saran-saring").hidden=!F[0];$("-kosong").hidden=0}
for(let h of await Promise.all(r.slice((A-1)*z,A*z).map(x=>x.data()))){let L=el("li","hit"),t=el("h2","hit__title"),x=el("p","hit__text"),F=h.filters,M=[h.meta.tanggal,F.desa,F.kategori].flat().filter(x=>x).join(" · ");t.append(Object.assign(el("a","",h.meta.title),{href:h.url}));
for(let c of new DOMParser().parseFromString(h.excerpt,"text/html").body.childNodes)x.append(c.nodeName=="MARK"?el("mark","",c.textContent):c.textContent);
L.append(t,M?el("p","meta",M):"",x);$("-hasil").append(L)}
if(N>1){let g=(i,l,rel)=>i<1||i>N?el("span"):(P.set("hal",i),Object.assign(el("a","btn",l),{rel,href:"?"+P})),v=$("-halaman");v.append(g(A-1,"← Sebelumnya","prev"),g(A+1,"Berikutnya →","next"));v.hidden=0}})().finally(()=>D.selesai="")}
