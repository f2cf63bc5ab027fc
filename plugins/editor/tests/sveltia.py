"""Drive the real Sveltia CMS in headless Chromium, in its local-repository mode.

Sveltia's local mode asks the browser for a folder (window.showDirectoryPicker, the File
System Access API) and then reads and writes files through the handle it gets. A headless
browser cannot show the folder picker, so the tests answer the picker with a folder of
the browser's own private file system (navigator.storage.getDirectory(), the same
FileSystemDirectoryHandle API) filled with a copy of the site's content; after saving,
the files the editor wrote are read back from it and put in a copy of the site, which is
then checked and built like an operator's folder.
"""

import base64
import json
import time
from pathlib import Path

from conftest import ARTIFACTS

REPOSITORY = "repo"

PICKER_STUB = """
window.showDirectoryPicker = async () => {
  const files = %s;
  const root = await navigator.storage.getDirectory();
  const dir = await root.getDirectoryHandle(%s, {create: true});
  await dir.getDirectoryHandle('.git', {create: true});
  for (const [path, data] of Object.entries(files)) {
    let folder = dir;
    const parts = path.split('/');
    for (const part of parts.slice(0, -1)) {
      folder = await folder.getDirectoryHandle(part, {create: true});
    }
    const handle = await folder.getFileHandle(parts.at(-1), {create: true});
    const writable = await handle.createWritable();
    await writable.write(Uint8Array.from(atob(data), (c) => c.charCodeAt(0)));
    await writable.close();
  }
  return dir;
};
"""

READ_FILES = """async (name) => {
  const root = await (await navigator.storage.getDirectory()).getDirectoryHandle(name);
  const found = {};
  async function walk(dir, prefix) {
    for await (const [entry, handle] of dir.entries()) {
      if (handle.kind === 'directory') {
        await walk(handle, prefix + entry + '/');
      } else {
        const bytes = new Uint8Array(await (await handle.getFile()).arrayBuffer());
        let text = '';
        for (const byte of bytes) text += String.fromCharCode(byte);
        found[prefix + entry] = btoa(text);
      }
    }
  }
  await walk(root, '');
  return found;
}"""


def picker_stub(site):
    """The init script answering the folder picker with a copy of `site`/content."""
    files = {}
    for path in sorted((Path(site) / "content").rglob("*")):
        if path.is_file():
            files[path.relative_to(site).as_posix()] = base64.b64encode(path.read_bytes()).decode()
    return PICKER_STUB % (json.dumps(files), json.dumps(REPOSITORY))


def repository_files(page):
    """{path: bytes} of the folder the editor worked in."""
    found = page.evaluate(READ_FILES, REPOSITORY)
    return {
        path: base64.b64decode(data) for path, data in found.items() if not path.startswith(".git/")
    }


SCROLL_POSITION = """([x, y]) => {
  let element = document.elementFromPoint(x, y);
  while (element && !(element.scrollHeight > element.clientHeight
                      && /auto|scroll/.test(getComputedStyle(element).overflowY))) {
    element = element.parentElement;
  }
  return element ? element.scrollTop : window.scrollY;
}"""

NEXT_FRAMES = (
    "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"
)


def field(page, key_path):
    """The form section of one field.

    The form renders a field when it first scrolls into view, so the pane is swept down
    and, once at the bottom, back up, waiting two frames after each step: on a loaded
    machine a quick scroll could otherwise pass a field between two frames and leave it
    unrendered above the view."""
    section = page.locator(f'[data-key-path="{key_path}"]')
    deadline = time.monotonic() + 30  # a loaded CI machine renders slowly
    step, last = 400, None
    while time.monotonic() < deadline:
        if section.count():
            section.first.scroll_into_view_if_needed()
            return section.first
        position = page.evaluate(SCROLL_POSITION, [300, 500])
        if position == last:  # at one end of the pane: sweep the other way
            step = -step
        last = position
        page.mouse.move(300, 500)
        page.mouse.wheel(0, step)
        page.evaluate(NEXT_FRAMES)
        time.sleep(0.1)
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / f"field-{key_path}.png"
    page.screenshot(path=str(shot), full_page=True)
    raise AssertionError(f"field {key_path} not in the form (screenshot: {shot})")
