// The sandbox chat page: draws one chat from the server's JSON and sends what the person does.
// Message bodies arrive as HTML the server has already escaped (ChatPageHtml); every other string
// from the server goes through textContent, never innerHTML.
(() => {
  'use strict';

  // Indicator codes such as "IK-2.1" must not break at the hyphen on a narrow phone: use a non-breaking hyphen.
  function keepTogether(text) { return text.replace(/-/g, '\u2011'); }


  const key = document.body.dataset.key;
  // A WhatsApp chat names its own API (same shapes, plus a list that opens as a sheet).
  const api = document.body.dataset.api || '/sandbox/api/chat/' + encodeURIComponent(key);
  const byId = (id) => document.getElementById(id);
  const list = byId('messages');
  const form = byId('composer');
  const text = byId('text');
  const fileInput = byId('file');
  const statusEl = byId('status');
  const errorEl = byId('error');
  const toastEl = byId('toast');
  const replyEl = byId('reply-keyboard');
  const emptyHint = list.querySelector('.empty');

  let version = -1;
  let shownMessages = '';
  let shownKeyboard = '';
  let noticeSeq = null;
  let toastTimer = 0;

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

  function el(tag, className, content) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (content !== undefined) node.textContent = content;
    return node;
  }

  function showError(message) {
    errorEl.textContent = message;
    errorEl.hidden = false;
  }

  function hideError() {
    errorEl.hidden = true;
    errorEl.textContent = '';
  }

  function showToast(message) {
    toastEl.textContent = message;
    toastEl.hidden = false;
    clearTimeout(toastTimer);
    toastTimer = setTimeout(() => { toastEl.hidden = true; }, 3500);
  }

  function setStatus(online) {
    statusEl.textContent = online ? 'terhubung' : 'terputus, mencoba lagi…';
    statusEl.classList.toggle('offline', !online);
  }

  async function post(path, body, isForm) {
    const init = { method: 'POST', headers: { 'X-Sandbox-Page': '1' } };
    if (isForm) {
      init.body = body;
    } else {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body || {});
    }

    let response;
    try {
      response = await fetch(api + path, init);
    } catch {
      showError('Tidak dapat terhubung ke sandbox. Pastikan programnya masih berjalan.');
      return false;
    }

    if (!response.ok) {
      let message = 'Gagal mengirim (kode ' + response.status + ').';
      try {
        const answer = await response.json();
        if (answer && answer.error) message = answer.error;
      } catch { /* not JSON: keep the generic message */ }
      showError(message);
      return false;
    }

    hideError();
    return true;
  }

  function formatSize(bytes) {
    if (bytes < 1024) return bytes + ' B';
    const units = ['KB', 'MB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
    return value.toLocaleString('id-ID', { maximumFractionDigits: 1 }) + ' ' + units[unit];
  }

  function formatTime(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit' });
  }

  function isSafeUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  function renderButtons(message) {
    const keyboard = el('div', 'inline-keyboard');
    for (const row of message.buttons) {
      const rowEl = el('div', 'kb-row');
      for (const button of row) {
        if (button.data) {
          const b = el('button', 'kb-button', keepTogether(button.text));
          b.type = 'button';
          b.addEventListener('click', async () => {
            for (const other of keyboard.querySelectorAll('button')) other.disabled = true;
            b.classList.add('pressed');
            const ok = await post('/press', { messageId: message.id, data: button.data });
            if (!ok) for (const other of keyboard.querySelectorAll('button')) other.disabled = false;
          });
          rowEl.append(b);
        } else if (isSafeUrl(button.url)) {
          const a = el('a', 'kb-button', keepTogether(button.text) + ' ↗');
          a.href = button.url;
          a.target = '_blank';
          a.rel = 'noopener noreferrer';
          rowEl.append(a);
        } else {
          rowEl.append(el('span', 'kb-button disabled', keepTogether(button.text)));
        }
      }
      keyboard.append(rowEl);
    }
    return keyboard;
  }

  // A WhatsApp list: one button under the message opens a sheet of rows (grouped by section) to choose from.
  function renderList(message) {
    const holder = el('div', 'wa-list');
    const open = el('button', 'kb-button wa-list-open', '☰ ' + message.list.button);
    open.type = 'button';
    const sheet = el('div', 'wa-sheet');
    sheet.hidden = true;
    sheet.append(el('div', 'wa-sheet-title', message.list.button));
    let section = null;
    for (const row of message.list.rows) {
      if (row.section && row.section !== section) {
        section = row.section;
        sheet.append(el('div', 'wa-sheet-section', section));
      }
      const b = el('button', 'wa-row');
      b.type = 'button';
      b.append(el('span', 'wa-row-title', keepTogether(row.title)));
      if (row.description) b.append(el('span', 'wa-row-description', row.description));
      b.addEventListener('click', async () => {
        for (const other of sheet.querySelectorAll('button')) other.disabled = true;
        const ok = await post('/press', { messageId: message.id, data: row.data });
        if (!ok) for (const other of sheet.querySelectorAll('button')) other.disabled = false;
      });
      sheet.append(b);
    }
    open.addEventListener('click', () => { sheet.hidden = !sheet.hidden; });
    holder.append(open, sheet);
    return holder;
  }

  function renderMessage(message) {
    const wrap = el('div', 'msg ' + (message.from === 'bot' ? 'bot' : 'user'));
    wrap.dataset.id = message.id;
    const bubble = el('div', 'bubble');

    if (message.photo) {
      const link = el('a', 'photo-link');
      link.href = message.photo.url;
      link.target = '_blank';
      link.rel = 'noopener';
      const img = el('img', 'photo');
      img.src = message.photo.url;
      img.alt = 'Foto';
      link.append(img);
      bubble.append(link);
    }

    if (message.document) {
      const doc = el('a', 'document');
      doc.href = message.document.url;
      doc.target = '_blank';
      doc.rel = 'noopener';
      const name = message.document.name || 'dokumen';
      const extension = (name.includes('.') ? name.split('.').pop() : 'file').slice(0, 4).toUpperCase();
      doc.append(el('span', 'doc-icon', extension));
      const info = el('span', 'doc-info');
      info.append(el('span', 'doc-name', name));
      info.append(el('span', 'doc-size', formatSize(message.document.size) + ' · buka'));
      doc.append(info);
      bubble.append(doc);
    }

    if (message.contact) {
      const contact = el('div', 'contact');
      contact.append(el('span', 'contact-icon', '☎'));
      const info = el('span', 'doc-info');
      info.append(el('b', null, message.contact.name || 'Kontak'));
      info.append(el('span', 'doc-size', message.contact.phone));
      contact.append(info);
      bubble.append(contact);
    }

    if (message.html) {
      const body = el('div', 'text');
      body.innerHTML = message.html; // escaped and whitelisted by the server
      bubble.append(body);
    }

    const meta = el('div', 'meta', (message.edited ? 'diedit · ' : '') + formatTime(message.date));
    bubble.append(meta);
    wrap.append(bubble);

    if (message.buttons && message.buttons.length) wrap.append(renderButtons(message));
    if (message.list) wrap.append(renderList(message));
    return wrap;
  }

  function renderMessages(messages) {
    const json = JSON.stringify(messages);
    if (json === shownMessages) return;
    const grew = shownMessages === '' || messages.length !== JSON.parse(shownMessages).length;
    const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 120;
    shownMessages = json;

    const fragment = document.createDocumentFragment();
    for (const message of messages) fragment.append(renderMessage(message));
    list.replaceChildren(fragment);
    if (messages.length === 0 && emptyHint) list.append(emptyHint);
    if (nearBottom || grew) list.scrollTop = list.scrollHeight;
  }

  function renderReplyKeyboard(keyboard) {
    const json = JSON.stringify(keyboard);
    if (json === shownKeyboard) return;
    shownKeyboard = json;
    replyEl.replaceChildren();
    replyEl.hidden = !keyboard;
    text.placeholder = (keyboard && keyboard.placeholder) || 'Tulis pesan…';
    if (!keyboard) return;
    for (const row of keyboard.rows) {
      const rowEl = el('div', 'kb-row');
      for (const button of row) {
        const b = el('button', 'reply-button' + (button.contact ? ' contact-button' : ''), button.text);
        b.type = 'button';
        b.addEventListener('click', () => button.contact ? post('/contact') : post('/text', { text: button.text }));
        rowEl.append(b);
      }
      replyEl.append(rowEl);
    }
  }

  function render(state) {
    renderMessages(state.messages);
    renderReplyKeyboard(state.replyKeyboard || null);
    const notice = state.notice;
    if (noticeSeq === null) {
      noticeSeq = notice ? notice.seq : 0; // answers from before the page opened are old news
    } else if (notice && notice.seq > noticeSeq) {
      noticeSeq = notice.seq;
      showToast(notice.text);
    }
  }

  // One request at a time that the server holds until the chat changes: no polling loop, no timer.
  async function follow() {
    for (;;) {
      try {
        const response = await fetch(api + (version >= 0 ? '?since=' + version : ''), { cache: 'no-store' });
        if (response.status === 404) {
          setStatus(false);
          showError('Pejabat ini tidak ada di kantor ini. Kembali ke daftar dan pilih pejabat lain.');
          return;
        }
        if (!response.ok) throw new Error('HTTP ' + response.status);
        const state = await response.json();
        version = state.version;
        setStatus(true);
        render(state);
      } catch {
        setStatus(false);
        await sleep(2000); // the sandbox was stopped or restarted; try again calmly
      }
    }
  }

  async function sendText() {
    const value = text.value;
    if (!value.trim()) {
      showError('Pesan kosong tidak dikirim. Tulis pesan terlebih dahulu.');
      text.focus();
      return;
    }
    if (await post('/text', { text: value })) {
      text.value = '';
      autosize();
    }
    text.focus();
  }

  function autosize() {
    text.style.height = 'auto';
    text.style.height = Math.min(text.scrollHeight, 140) + 'px';
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    sendText();
  });

  text.addEventListener('keydown', (event) => {
    // Enter sends; Shift+Enter starts a new line (the bot reads a note from the second line).
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      sendText();
    }
  });

  text.addEventListener('input', () => {
    autosize();
    if (text.value.trim()) hideError();
  });

  byId('attach').addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files && fileInput.files[0];
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    data.append('caption', text.value.trim());
    if (await post('/file', data, true)) {
      text.value = '';
      autosize();
    }
    fileInput.value = '';
  });

  follow();
})();
