namespace KinerjaBot.Sandbox;

/// <summary>What setWebhook registered: where updates go, the secret they carry, and which kinds are wanted.</summary>
/// <param name="Url">The bot's HTTPS endpoint (the sandbox also accepts http for this machine).</param>
/// <param name="SecretToken">Sent in <c>X-Telegram-Bot-Api-Secret-Token</c> with every delivery, if set.</param>
/// <param name="AllowedUpdates">The update kinds the bot asked for; empty means all.</param>
public sealed record WebhookSubscription(Uri Url, string? SecretToken, IReadOnlyList<string> AllowedUpdates);
