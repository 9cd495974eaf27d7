// webhook-front.mjs — lets the bench double (fakeapi.js of ../shared/bench-peer) deliver updates by webhook, to
// several bot instances round robin, so that two instances can share one load. Loaded into the driver's process:
//
//   WEBHOOK_INSTANCES=2 node --import /path/to/bench/peer/webhook-front.mjs driver.js … --bot-cmd "bash instances.sh 2 …"
//
// It plays Telegram plus the load balancer in front of the instances:
// - `setWebhook` is answered (the double has no such method); every distinct URL an instance registers joins the
//   round robin, and the driver's "bot started" moment (its first getUpdates, which never comes in webhook mode) is
//   signalled once WEBHOOK_INSTANCES URLs are registered;
// - each pushed update is POSTed as JSON with the registered secret in X-Telegram-Bot-Api-Secret-Token, to the next
//   instance in turn; an answer other than 2xx, or a connection error, sends it again to the next instance after
//   100 ms (at least once, as Telegram and a balancer that fails over);
// - a chat's updates go one at a time (the next after the previous one's 200), as Telegram does for one chat.
// The driver is unchanged: its latency is still "update pushed → the bot's reply seen at the double".
// Counters (deliveries, redeliveries, per instance) are printed to stderr when the driver exits.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const instances = Number(process.env.WEBHOOK_INSTANCES || 0);
if (instances > 0) {
  // The same module instance the driver imports (driver.js imports './fakeapi.js' from the folder it runs in).
  const { FakeTelegramApi } = await import(pathToFileURL(path.resolve('fakeapi.js')).href);
  const listen = FakeTelegramApi.prototype.listen;
  FakeTelegramApi.prototype.listen = function patchedListen() {
    installFront(this, instances);
    return listen.call(this);
  };
}

function installFront(api, wanted) {
  const targets = []; // {url, secret, delivered}
  const agent = new http.Agent({ keepAlive: true, maxSockets: 40 }); // Telegram's default max_connections
  const perChat = new Map(); // chat id -> promise of the previous delivery
  const stats = { delivered: 0, redelivered: 0, byInstance: {} };
  let next = 0;
  let announced = false;

  const original = api.server.listeners('request');
  api.server.removeAllListeners('request');
  api.server.on('request', (req, res) => {
    if (!/^\/bot[^/]+\/setwebhook(\?|$)/i.test(req.url)) {
      for (const l of original) l.call(api.server, req, res);
      return;
    }
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      let p = {};
      try { p = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}'); } catch { /* answered below */ }
      res.setHeader('content-type', 'application/json');
      if (!p.url) { res.statusCode = 400; res.end('{"ok":false,"error_code":400,"description":"Bad Request: bad webhook: url is empty"}'); return; }
      api.counters.requests++;
      api.byMethod.setwebhook = (api.byMethod.setwebhook ?? 0) + 1;
      if (!targets.some((t) => t.url === p.url)) targets.push({ url: p.url, secret: p.secret_token ?? '', delivered: 0 });
      res.end('{"ok":true,"result":true,"description":"Webhook was set"}');
      if (!announced && targets.length >= wanted) {
        announced = true;
        api.emit('poll', performance.now()); // the driver starts its load 1 s after the bot "polled" first
      }
    });
  });

  api.pushUpdate = function pushByWebhook(update) {
    const id = this.nextUpdateId++;
    update.update_id = id;
    const cq = update.callback_query;
    if (cq) this.callbacks.set(cq.id, { chatId: cq.message?.chat?.id ?? cq.from.id, answered: false });
    const chatId = update.message?.chat?.id ?? cq?.message?.chat?.id ?? cq?.from?.id ?? 0;
    const body = JSON.stringify(update);
    const previous = perChat.get(chatId) ?? Promise.resolve();
    const delivery = previous.then(() => deliver(body));
    perChat.set(chatId, delivery);
    delivery.then(() => { if (perChat.get(chatId) === delivery) perChat.delete(chatId); });
    return id;
  };

  async function deliver(body) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 0) { stats.redelivered++; await new Promise((r) => setTimeout(r, 100)); }
      const target = targets[next++ % targets.length];
      if (!target) continue;
      const status = await post(target, body).catch(() => 0);
      if (status >= 200 && status < 300) {
        stats.delivered++;
        target.delivered++;
        return;
      }
      if (attempt > 600) return; // a minute of failures: the driver's step timeout reports it
    }
  }

  function post(target, body) {
    return new Promise((resolve, reject) => {
      const url = new URL(target.url);
      const req = http.request({
        host: url.hostname, port: url.port, path: url.pathname + url.search, method: 'POST', agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'X-Telegram-Bot-Api-Secret-Token': target.secret },
      }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
      req.on('error', reject);
      req.end(body);
    });
  }

  process.on('exit', () => {
    for (const t of targets) stats.byInstance[t.url] = t.delivered;
    process.stderr.write(`webhook front: ${JSON.stringify(stats)}\n`);
  });
}
