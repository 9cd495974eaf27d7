using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace KinerjaBot.Sandbox;

/// <summary>
/// The Bot API methods the sandbox emulates, each checking its parameters as Telegram does and answering with
/// Telegram.Bot's types (the HTTP layer serializes them).
/// </summary>
internal sealed partial class BotApiMethods(
    SandboxChats chats, UpdateQueue updates, FileStore files, CallbackQueries callbacks, TelegramObjects telegram, WebhookDeliverer webhooks)
{
    // Replaced whole, never mutated, so readers need no lock.
    private BotCommand[] _commands = [];

    public IReadOnlyList<BotCommand> Commands => Volatile.Read(ref _commands);

    public User GetMe() => telegram.Bot();

    public Task<Update[]> GetUpdatesAsync(BotApiParameters parameters, CancellationToken stopping, CancellationToken requestAborted) =>
        updates.GetUpdatesAsync(
            parameters.Long("offset"),
            (int)Math.Clamp(parameters.Long("limit") ?? 100, 1, 100),
            TimeSpan.FromSeconds(Math.Clamp(parameters.Long("timeout") ?? 0, 0, 600)),
            stopping,
            requestAborted);

    public Message SendMessage(BotApiParameters parameters)
    {
        var markup = ReplyMarkup.Read(parameters);
        var chatId = parameters.ChatId();
        var text = MessageText.Text(parameters.String("text"), parameters.String("parse_mode"));
        var (chat, message) = chats.AddBotMessage(chatId, markup, m => m with { Text = text.Plain, RawText = text.Raw, ParseMode = text.ParseMode });
        return telegram.Message(chat, message);
    }

    public Message SendDocument(BotApiParameters parameters)
    {
        var markup = ReplyMarkup.Read(parameters);
        var chatId = parameters.ChatId();
        var caption = MessageText.Caption(parameters.String("caption"), parameters.String("parse_mode"));
        var upload = parameters.File("document");
        var reference = upload is null ? parameters.String("document") : null;
        if (upload is null && string.IsNullOrEmpty(reference))
        {
            throw BotApiException.BadRequest("there is no document in the request");
        }

        if (upload is { Bytes.Length: 0 })
        {
            throw BotApiException.BadRequest("file must be non-empty");
        }

        chats.EnsureWritable(chatId);
        var document = upload is not null
            ? files.StoreUpload(upload)
            : files.Find(reference!) ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
        var (chat, message) = chats.AddBotMessage(chatId, markup, m => m with
        {
            Document = document,
            Caption = caption?.Plain,
            RawText = caption?.Raw,
            ParseMode = caption?.ParseMode,
        });
        return telegram.Message(chat, message);
    }

    public Message EditMessageText(BotApiParameters parameters)
    {
        var markup = ReplyMarkup.ReadInline(parameters);
        var chatId = parameters.ChatId();
        var messageId = parameters.Long("message_id");
        var text = MessageText.Text(parameters.String("text"), parameters.String("parse_mode"));
        var (chat, edited) = chats.EditBotMessage(chatId, messageId, message =>
        {
            if (message.Text is null)
            {
                throw BotApiException.BadRequest("there is no text in the message to edit");
            }

            // Like Telegram, an edit without reply_markup removes the inline keyboard.
            if (message.Text == text.Plain && message.RawText == text.Raw && ReplyMarkup.SameKeyboard(message.InlineKeyboard, markup.InlineKeyboard))
            {
                throw NotModified();
            }

            return message with { Text = text.Plain, RawText = text.Raw, ParseMode = text.ParseMode, InlineKeyboard = markup.InlineKeyboard };
        });
        return telegram.Message(chat, edited);
    }

    public Message EditMessageReplyMarkup(BotApiParameters parameters)
    {
        var markup = ReplyMarkup.ReadInline(parameters);
        var (chat, edited) = chats.EditBotMessage(parameters.ChatId(), parameters.Long("message_id"), message =>
            ReplyMarkup.SameKeyboard(message.InlineKeyboard, markup.InlineKeyboard)
                ? throw NotModified()
                : message with { InlineKeyboard = markup.InlineKeyboard });
        return telegram.Message(chat, edited);
    }

    public bool DeleteMessage(BotApiParameters parameters)
    {
        chats.DeleteMessage(parameters.ChatId(), parameters.Long("message_id"));
        return true;
    }

    public bool SendChatAction(BotApiParameters parameters)
    {
        chats.EnsureWritable(parameters.ChatId());
        return true;
    }

    public bool AnswerCallbackQuery(BotApiParameters parameters)
    {
        callbacks.Answer(parameters.String("callback_query_id") ?? string.Empty, parameters.String("text"), parameters.Bool("show_alert"));
        return true;
    }

    public TGFile GetFile(BotApiParameters parameters) =>
        files.Find(parameters.String("file_id") ?? string.Empty) is { } file
            ? TelegramObjects.File(file)
            : throw BotApiException.BadRequest("invalid file_id");

    public bool SetMyCommands(BotApiParameters parameters)
    {
        const string Unparsable = "can't parse commands JSON object";
        BotCommand[]? commands;
        try
        {
            commands = parameters.Json("commands", Unparsable)?.Deserialize<BotCommand[]>(JsonBotAPI.Options);
        }
        catch (JsonException)
        {
            throw BotApiException.BadRequest(Unparsable);
        }

        if (commands is null || commands.Any(c => c is null))
        {
            throw BotApiException.BadRequest(Unparsable);
        }

        foreach (var command in commands)
        {
            if (!CommandName().IsMatch(command.Command ?? string.Empty))
            {
                throw BotApiException.BadRequest("BOT_COMMAND_INVALID");
            }

            if (command.Description is not { Length: >= 1 and <= 256 })
            {
                throw BotApiException.BadRequest("command description must be non-empty");
            }
        }

        Volatile.Write(ref _commands, commands);
        return true;
    }

    public BotCommand[] GetMyCommands() => Volatile.Read(ref _commands);

    public WebhookInfo GetWebhookInfo()
    {
        var webhook = updates.Webhook;
        var error = webhooks.LastError;
        return new WebhookInfo
        {
            Url = webhook?.Url.ToString() ?? string.Empty,
            PendingUpdateCount = updates.PendingCount,
            AllowedUpdates = webhook is null ? null : [.. webhook.AllowedUpdates.Select(UpdateKind).OfType<UpdateType>()],
            LastErrorMessage = webhook is null ? null : error?.Error,
        };
    }

    /// <summary>
    /// Registers the webhook as Telegram checks it: an HTTPS URL (plain http only for this machine, where the sandbox
    /// and the bot run together), a secret of 1–256 letters, digits, '_' or '-'. An empty URL removes the webhook.
    /// </summary>
    public bool SetWebhook(BotApiParameters parameters)
    {
        var url = parameters.String("url");
        if (string.IsNullOrEmpty(url))
        {
            updates.DeleteWebhook(parameters.Bool("drop_pending_updates"));
            return true;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var address) || !(address.Scheme == Uri.UriSchemeHttps || (address.Scheme == Uri.UriSchemeHttp && address.IsLoopback)))
        {
            throw BotApiException.BadRequest("bad webhook: An HTTPS URL must be provided for webhook");
        }

        var secret = parameters.String("secret_token");
        if (secret is not null && !SecretToken().IsMatch(secret))
        {
            throw BotApiException.BadRequest("secret token contains unallowed characters");
        }

        var allowed = parameters.Json("allowed_updates", "can't parse allowed updates") is JsonArray kinds
            ? kinds.Select(k => k?.GetValue<string>() ?? string.Empty).ToList()
            : [];
        if (parameters.Bool("drop_pending_updates"))
        {
            updates.DeleteWebhook(dropPendingUpdates: true);
        }

        updates.SetWebhook(new WebhookSubscription(address, secret, allowed));
        return true;
    }

    public bool DeleteWebhook(BotApiParameters parameters)
    {
        updates.DeleteWebhook(parameters.Bool("drop_pending_updates"));
        return true;
    }

    // "callback_query" → UpdateType.CallbackQuery; a kind Telegram.Bot does not know is left out.
    private static UpdateType? UpdateKind(string kind) =>
        Enum.TryParse<UpdateType>(kind.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var type) ? type : null;

    private static BotApiException NotModified() => BotApiException.BadRequest(
        "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");

    [GeneratedRegex("^[a-z0-9_]{1,32}$")]
    private static partial Regex CommandName();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretToken();
}
