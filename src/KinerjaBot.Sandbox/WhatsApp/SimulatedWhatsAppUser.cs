using System.Text.Json.Nodes;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>
/// A person on WhatsApp: what they type, press, choose and send reaches the bot as a signed webhook event, and
/// reopens the 24-hour window. Every action returns the new message's <c>wamid</c>. A lightweight handle.
/// </summary>
public sealed class SimulatedWhatsAppUser
{
    private readonly WhatsAppDouble _double;

    internal SimulatedWhatsAppUser(WhatsAppDouble whatsApp, string waId)
    {
        _double = whatsApp;
        WaId = waId;
    }

    /// <summary>Their number, digits only, as <c>wa_id</c> and <c>from</c> carry it.</summary>
    public string WaId { get; }

    public string ProfileName => _double.Chats.ProfileName(WaId);

    /// <summary>The chat from both sides, oldest first.</summary>
    public IReadOnlyList<WhatsAppChatMessage> Messages => _double.Chats.Messages(WaId);

    public WhatsAppChatMessage? LastBotMessage => Messages.LastOrDefault(m => m.Sender == WhatsAppChatSender.Bot);

    public Task<string> SendTextAsync(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        return Write(Shown("text") with { Text = text }, new JsonObject { ["type"] = "text", ["text"] = new JsonObject { ["body"] = text } });
    }

    /// <summary>Presses the reply button whose title contains <paramref name="titlePart"/> on the newest bot message showing one.</summary>
    public Task<string> PressReplyButtonAsync(string titlePart)
    {
        var under = _double.Chats.NewestBotMessage(
            WaId, m => m.Type == "interactive" && m.Buttons.Any(b => Contains(b.Title, titlePart)), $"a reply button '{titlePart}'");
        return Task.FromResult(PressReplyButton(under, under.Buttons.First(b => Contains(b.Title, titlePart))));
    }

    /// <summary>Opens the newest list showing a row whose title contains <paramref name="titlePart"/> and chooses it.</summary>
    public Task<string> ChooseListRowAsync(string titlePart)
    {
        var under = _double.Chats.NewestBotMessage(WaId, m => m.ListRows.Any(r => Contains(r.Title, titlePart)), $"a list row '{titlePart}'");
        return Task.FromResult(ChooseListRow(under, under.ListRows.First(r => Contains(r.Title, titlePart))));
    }

    /// <summary>Presses the quick reply whose text contains <paramref name="textPart"/> on the newest template showing one.</summary>
    public Task<string> PressTemplateButtonAsync(string textPart)
    {
        var under = _double.Chats.NewestBotMessage(
            WaId, m => m.Type == "template" && m.Buttons.Any(b => Contains(b.Title, textPart)), $"a template button '{textPart}'");
        return Task.FromResult(PressTemplateButton(under, under.Buttons.First(b => Contains(b.Title, textPart))));
    }

    internal string PressReplyButton(WhatsAppChatMessage under, WhatsAppReplyButton button) =>
        _double.Chats.UserWrites(
            WaId,
            Shown("interactive") with { Text = button.Title, ContextMessageId = under.Id },
            Reply(under, "interactive", new JsonObject
            {
                ["type"] = "button_reply",
                ["button_reply"] = new JsonObject { ["id"] = button.Id, ["title"] = button.Title },
            }));

    internal string ChooseListRow(WhatsAppChatMessage under, WhatsAppListRow row)
    {
        var reply = new JsonObject { ["id"] = row.Id, ["title"] = row.Title };
        if (row.Description is { Length: > 0 } description)
        {
            reply["description"] = description;
        }

        return _double.Chats.UserWrites(
            WaId,
            Shown("interactive") with { Text = row.Title, ContextMessageId = under.Id },
            Reply(under, "interactive", new JsonObject { ["type"] = "list_reply", ["list_reply"] = reply }));
    }

    internal string PressTemplateButton(WhatsAppChatMessage under, WhatsAppReplyButton button) =>
        _double.Chats.UserWrites(
            WaId,
            Shown("button") with { Text = button.Title, ContextMessageId = under.Id },
            Reply(under, "button", new JsonObject { ["payload"] = button.Id, ["text"] = button.Title }));

    public Task<string> SendImageAsync(byte[] bytes, string? caption = null) => SendMediaAsync("image", bytes, "image/jpeg", null, caption);

    public Task<string> SendDocumentAsync(byte[] bytes, string fileName, string mimeType, string? caption = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileName);
        return SendMediaAsync("document", bytes, mimeType, fileName, caption);
    }

    /// <summary>Shares a contact card, as WhatsApp's attach → Contact does.</summary>
    public Task<string> SendContactAsync(string formattedName, string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        var card = new JsonObject
        {
            ["name"] = new JsonObject { ["formatted_name"] = formattedName, ["first_name"] = formattedName },
            ["phones"] = new JsonArray(new JsonObject { ["phone"] = phone, ["wa_id"] = digits, ["type"] = "CELL" }),
        };
        return Write(Shown("contacts") with { Text = $"{formattedName} {phone}" }, new JsonObject { ["type"] = "contacts", ["contacts"] = new JsonArray(card) });
    }

    /// <summary>Reads the chat: a <c>read</c> status goes to the bot for every bot message not read yet. Returns how many.</summary>
    public int ReadMessages() => _double.Chats.MarkRead(WaId);

    /// <summary>Waits for a bot message that arrived after this person's latest action and matches; replies already there count.</summary>
    public Task<WhatsAppChatMessage> WaitForReplyAsync(Func<WhatsAppChatMessage, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _double.Chats.WaitForReplyAsync(WaId, predicate, timeout, cancellationToken);

    /// <inheritdoc />
    public override string ToString() => $"{ProfileName} (WhatsApp {WaId})";

    private Task<string> SendMediaAsync(string type, byte[] bytes, string mimeType, string? fileName, string? caption)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var item = _double.Media.Store(bytes, mimeType, fileName);
        var medium = new JsonObject { ["id"] = item.Id, ["mime_type"] = item.MimeType, ["sha256"] = item.Sha256 };
        if (caption is not null)
        {
            medium["caption"] = caption;
        }

        if (fileName is not null)
        {
            medium["filename"] = fileName;
        }

        return Write(
            Shown(type) with { Text = caption ?? string.Empty, MediaId = item.Id, MimeType = item.MimeType, MediaBytes = item.Bytes, DocumentFileName = fileName },
            new JsonObject { ["type"] = type, [type] = medium });
    }

    private Task<string> Write(WhatsAppChatMessage shown, JsonObject webhookMessage) =>
        Task.FromResult(_double.Chats.UserWrites(WaId, shown, webhookMessage));

    private JsonObject Reply(WhatsAppChatMessage under, string type, JsonObject content) => new()
    {
        ["context"] = new JsonObject { ["from"] = _double.Options.DisplayPhoneNumber, ["id"] = under.Id },
        ["type"] = type,
        [type] = content,
    };

    private static WhatsAppChatMessage Shown(string type) =>
        new() { Id = string.Empty, Sender = WhatsAppChatSender.User, Type = type, SentAt = default };

    private static bool Contains(string text, string part) => text.Contains(part, StringComparison.OrdinalIgnoreCase);
}
