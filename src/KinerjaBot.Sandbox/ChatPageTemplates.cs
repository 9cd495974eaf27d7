using System.Globalization;
using System.Text;
using KinerjaBot.Sandbox.WhatsApp;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The chat page's HTML documents. Every value from outside is escaped with <see cref="ChatPageHtml.Escape"/>; the
/// dynamic chat is drawn by <c>page.js</c> from JSON. Texts are Indonesian because the people trying the bot are.
/// </summary>
internal static class ChatPageTemplates
{
    public static string Index(ChatPageOptions options, IReadOnlyList<ChatPageEntry> entries, IReadOnlyList<WhatsAppChatPageEntry> whatsAppEntries)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"top\"><div><h1>").Append(ChatPageHtml.Escape(options.Title)).Append("</h1>");
        if (!string.IsNullOrWhiteSpace(options.Subtitle))
        {
            body.Append("<p>").Append(ChatPageHtml.Escape(options.Subtitle)).Append("</p>");
        }

        body.Append("</div><span class=\"badge\">Sandbox lokal</span></header>");
        body.Append("<main class=\"list\">");
        body.Append("<p class=\"intro\">Pilih pejabat, lalu mengobrol dengan bot sebagai pejabat tersebut. ")
            .Append("Untuk melihat beberapa pejabat sekaligus, buka masing-masing di tab baru (↗), ")
            .Append("atau centang beberapa lalu tekan <b>Buka berdampingan</b>.</p>");
        body.Append("<form action=\"/berdampingan\" method=\"get\"><ul class=\"people\">");
        foreach (var entry in entries)
        {
            var key = ChatPageHtml.Escape(entry.Key);
            var name = ChatPageHtml.Escape(entry.Name);
            body.Append("<li class=\"person\">")
                .Append("<input class=\"pick\" type=\"checkbox\" name=\"p\" value=\"").Append(key).Append("\" aria-label=\"Pilih ").Append(name).Append("\">")
                .Append("<a class=\"person-link\" href=\"/chat/").Append(key).Append("\">")
                .Append(Avatar(entry.Name))
                .Append("<span class=\"who\"><b>").Append(name).Append("</b>")
                .Append("<small>").Append(ChatPageHtml.Escape(entry.Subtitle)).Append("</small>");
            if (!string.IsNullOrWhiteSpace(entry.Detail))
            {
                body.Append("<small class=\"detail\">").Append(ChatPageHtml.Escape(entry.Detail)).Append("</small>");
            }

            body.Append("</span></a>")
                .Append("<a class=\"newtab\" href=\"/chat/").Append(key).Append("\" target=\"_blank\" rel=\"noopener\" title=\"Buka di tab baru\" aria-label=\"Buka ")
                .Append(name).Append(" di tab baru\">↗</a>")
                .Append("</li>");
        }

        foreach (var entry in whatsAppEntries)
        {
            // WhatsApp chats open on their own page; side by side shows Telegram chats only.
            var key = ChatPageHtml.Escape(entry.Key);
            body.Append("<li class=\"person wa-person\"><span class=\"pick\"></span>")
                .Append("<a class=\"person-link\" href=\"/wa/").Append(key).Append("\">")
                .Append(Avatar(entry.Name))
                .Append("<span class=\"who\"><b>").Append(ChatPageHtml.Escape(entry.Name)).Append(" <span class=\"wa-tag\">WhatsApp</span></b>")
                .Append("<small>").Append(ChatPageHtml.Escape(entry.Subtitle)).Append("</small>");
            if (!string.IsNullOrWhiteSpace(entry.Detail))
            {
                body.Append("<small class=\"detail\">").Append(ChatPageHtml.Escape(entry.Detail)).Append("</small>");
            }

            body.Append("</span></a>")
                .Append("<a class=\"newtab\" href=\"/wa/").Append(key).Append("\" target=\"_blank\" rel=\"noopener\" title=\"Buka di tab baru\" aria-label=\"Buka ")
                .Append(ChatPageHtml.Escape(entry.Name)).Append(" di tab baru\">↗</a></li>");
        }

        body.Append("</ul><div class=\"actions\"><button type=\"submit\">Buka berdampingan</button></div></form>");
        body.Append("<p class=\"note\">Ini sandbox di komputer Anda: bot yang sama dengan di Telegram, tetapi tidak ada pesan yang keluar ke Telegram.</p>");
        body.Append("</main>");
        return Document(options.Title, "list-page", string.Empty, body.ToString(), script: false);
    }

    public static string Chat(ChatPageOptions options, ChatPageEntry entry)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"chat-head\">")
            .Append("<a class=\"back\" href=\"/\" target=\"_top\" title=\"Kembali ke daftar pejabat\" aria-label=\"Kembali ke daftar pejabat\">←</a>")
            .Append(Avatar(entry.Name))
            .Append("<div class=\"who\"><b>").Append(ChatPageHtml.Escape(entry.Name)).Append("</b><small>")
            .Append(ChatPageHtml.Escape(entry.Subtitle)).Append("</small></div>")
            .Append("<span id=\"status\" class=\"status\">menghubungkan…</span></header>");
        body.Append("<main id=\"messages\" class=\"messages\" aria-live=\"polite\"><p class=\"empty\">Belum ada pesan. Ketik <b>/start</b> untuk memulai.</p></main>");
        body.Append("<div id=\"toast\" class=\"toast\" role=\"status\" hidden></div>");
        body.Append("<p id=\"error\" class=\"error\" role=\"alert\" hidden></p>");
        body.Append("<div id=\"reply-keyboard\" class=\"reply-keyboard\" hidden></div>");
        body.Append("<form id=\"composer\" class=\"composer\" autocomplete=\"off\">")
            .Append("<button type=\"button\" id=\"attach\" class=\"icon\" title=\"Kirim foto atau dokumen\" aria-label=\"Kirim foto atau dokumen\">")
            .Append("<svg viewBox=\"0 0 24 24\" aria-hidden=\"true\"><path d=\"M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9\"/></svg></button>")
            .Append("<input type=\"file\" id=\"file\" hidden>")
            .Append("<textarea id=\"text\" rows=\"1\" placeholder=\"Tulis pesan…\" aria-label=\"Pesan\"></textarea>")
            .Append("<button type=\"submit\" id=\"send\" class=\"send\" title=\"Kirim\" aria-label=\"Kirim\">➤</button>")
            .Append("</form>");
        var attributes = $" data-key=\"{ChatPageHtml.Escape(entry.Key)}\"";
        return Document($"{entry.Name} · {options.Title}", "chat-page", attributes, body.ToString(), script: true);
    }

    public static string Side(ChatPageOptions options, IReadOnlyList<ChatPageEntry> entries)
    {
        var body = new StringBuilder();
        body.Append("<header class=\"top slim\"><a class=\"back\" href=\"/\" title=\"Kembali ke daftar pejabat\" aria-label=\"Kembali ke daftar pejabat\">←</a><h1>")
            .Append(ChatPageHtml.Escape(options.Title)).Append("</h1><span class=\"badge\">Sandbox lokal</span></header>");
        body.Append("<main class=\"side-by-side count-").Append(entries.Count.ToString(CultureInfo.InvariantCulture)).Append("\">");
        foreach (var entry in entries)
        {
            body.Append("<iframe src=\"/chat/").Append(ChatPageHtml.Escape(entry.Key)).Append("\" title=\"")
                .Append(ChatPageHtml.Escape(entry.Name)).Append("\"></iframe>");
        }

        body.Append("</main>");
        return Document(options.Title, "side-page", string.Empty, body.ToString(), script: false);
    }

    public static string NotFound(ChatPageOptions options, string key)
    {
        var body = new StringBuilder();
        body.Append("<main class=\"notice\"><h1>Pejabat tidak ditemukan</h1><p>Pejabat <b>")
            .Append(ChatPageHtml.Escape(key))
            .Append("</b> tidak ada di kantor ini. Silakan pilih salah satu dari daftar.</p>")
            .Append("<p><a class=\"button\" href=\"/\" target=\"_top\">Kembali ke daftar pejabat</a></p></main>");
        return Document(options.Title, "notice-page", string.Empty, body.ToString(), script: false);
    }

    internal static string Avatar(string name)
    {
        // Initials of the first two words that start with a letter ("Drs. Bagus Wicaksono" → "BW" skips the title).
        var words = name.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => char.IsLetter(w[0]) && !w.EndsWith('.'))
            .Take(2)
            .Select(w => char.ToUpperInvariant(w[0]));
        var initials = string.Concat(words);
        return $"<span class=\"avatar\" aria-hidden=\"true\">{ChatPageHtml.Escape(initials.Length > 0 ? initials : "?")}</span>";
    }

    internal static string Document(string title, string bodyClass, string bodyAttributes, string body, bool script)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"id\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(ChatPageHtml.Escape(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"/sandbox/assets/page.css\">")
            .Append("</head><body class=\"").Append(bodyClass).Append('"').Append(bodyAttributes).Append('>')
            .Append(body);
        if (script)
        {
            html.Append("<script src=\"/sandbox/assets/page.js\"></script>");
        }

        return html.Append("</body></html>").ToString();
    }
}
