using KinerjaBot.Storage;
using KinerjaBot.TelegramChannel;
using KinerjaBot.WhatsApp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KinerjaBot.Hosting;

/// <summary>
/// Checks, before any office starts, that the offices' settings keep them apart: a bot token each (two hosts on one
/// bot would take each other's updates), a data folder or PostgreSQL database each (one database would mix their
/// tables and give one office's sender lease to both), and a webhook path each.
/// </summary>
internal sealed class OfficeSeparation
{
    private readonly List<string> _problems = [];
    private readonly List<string> _withoutToken = [];
    private readonly List<string> _withToken = [];
    private readonly Dictionary<string, string> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _webhookPaths = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _whatsAppNumbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _whatsAppListens = new(StringComparer.OrdinalIgnoreCase);

    public void Check(string officeId, IConfiguration office, bool sandbox = false)
    {
        CheckStore(officeId, office);
        if (sandbox)
        {
            return;
        }

        if (office["Telegram:BotToken"] is not { Length: > 0 } token || string.IsNullOrWhiteSpace(token))
        {
            _withoutToken.Add(officeId);
        }
        else
        {
            _withToken.Add(officeId);
            if (!_tokens.TryAdd(token.Trim(), officeId))
            {
                _problems.Add(
                    $"Offices '{_tokens[token.Trim()]}' and '{officeId}' have the same bot token. Each office needs a bot of its own (create one with @BotFather): " +
                    $"set {OfficeSettings.EnvironmentPrefix(officeId)}Telegram__BotToken per office; one Telegram:BotToken for all is not enough with several offices.");
            }
        }

        CheckWhatsApp(officeId, office);
        var updates = office.GetSection("Telegram").Get<TelegramUpdateOptions>() ?? new TelegramUpdateOptions();
        if (updates.IsWebhook && Uri.TryCreate(updates.WebhookUrl, UriKind.Absolute, out var url))
        {
            var key = $"{updates.WebhookListen} {url.AbsolutePath}";
            if (!_webhookPaths.TryAdd(key, officeId))
            {
                _problems.Add(
                    $"Offices '{_webhookPaths[key]}' and '{officeId}' both receive webhooks at {url.AbsolutePath} on {updates.WebhookListen}. " +
                    $"Set Telegram:WebhookUrl once (each office then adds /<office-id> to its path), or give each office its own path in {OfficeSettings.EnvironmentPrefix(officeId)}Telegram__WebhookUrl.");
            }
        }
    }

    /// <summary>Throws the problems found, each naming the office and what to set.</summary>
    public void ThrowIfMixed()
    {
        if (_withoutToken.Count > 0 && _withToken.Count > 0)
        {
            _problems.InsertRange(0, _withoutToken.Select(id =>
                $"Office '{id}' has no bot token, while {string.Join(", ", _withToken.Select(t => $"'{t}'"))} has one. Give it a bot of its own (create one with @BotFather) " +
                $"in the environment variable {OfficeSettings.EnvironmentPrefix(id)}Telegram__BotToken, or set no token at all to try every office in the local sandbox."));
        }

        if (_problems.Count > 0)
        {
            throw new OptionsValidationException(OfficeSettings.SectionName, typeof(KinerjaBotOptions), _problems);
        }
    }

    // WhatsApp's webhook listener is the channel's own (decisions/0016), so each office needs its own port; and a
    // number serves one office, as a bot does.
    private void CheckWhatsApp(string officeId, IConfiguration office)
    {
        var whatsApp = office.GetSection(WhatsAppConnectionOptions.SectionName).Get<WhatsAppConnectionOptions>() ?? new WhatsAppConnectionOptions();
        if (!whatsApp.Enabled)
        {
            return;
        }

        if (whatsApp.PhoneNumberId is { Length: > 0 } number && !_whatsAppNumbers.TryAdd(number, officeId))
        {
            _problems.Add(
                $"Offices '{_whatsAppNumbers[number]}' and '{officeId}' use the same WhatsApp phone number id {number}. Each office needs a WhatsApp number of its own: " +
                $"set {OfficeSettings.EnvironmentPrefix(officeId)}WhatsApp__PhoneNumberId (and its AccessToken), or leave WhatsApp off for one of them.");
        }

        if (whatsApp.WebhookListen is { Length: > 0 } listen && !_whatsAppListens.TryAdd(listen, officeId))
        {
            _problems.Add(
                $"Offices '{_whatsAppListens[listen]}' and '{officeId}' both listen for WhatsApp webhooks on {listen}. Give each office its own port: " +
                $"{OfficeSettings.EnvironmentPrefix(officeId)}WhatsApp__WebhookListen=http://127.0.0.1:8445 (and a proxy rule for its callback URL).");
        }
    }

    private void CheckStore(string officeId, IConfiguration office)
    {
        var storage = office.GetSection(StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        string store;
        if (storage.IsPostgres)
        {
            try
            {
                var database = new NpgsqlConnectionStringBuilder(storage.ConnectionString);
                store = $"PostgreSQL database {database.Database} on {database.Host}:{database.Port}";
            }
            catch (ArgumentException)
            {
                // Storage's own validation says what is wrong with it when the office starts.
                return;
            }
        }
        else
        {
            store = $"data folder {Path.GetFullPath(office[$"{KinerjaBotOptions.SectionName}:DataDirectory"] ?? "data")}";
        }

        if (!_stores.TryAdd(store, officeId))
        {
            _problems.Add(
                $"Offices '{_stores[store]}' and '{officeId}' keep their data in the same {store}. Each office needs a store of its own: " +
                (storage.IsPostgres
                    ? $"give each office its own database, e.g. {OfficeSettings.EnvironmentPrefix(officeId)}Storage__ConnectionString='Host=…;Database=kinerjabot_{officeId.Replace('-', '_')};Username=…;Password=…'."
                    : $"remove {OfficeSettings.EnvironmentPrefix(officeId)}KinerjaBot__DataDirectory (each office then keeps its data in <data folder>/<office-id>)."));
        }
    }
}
