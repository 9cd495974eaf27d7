namespace KinerjaBot.WhatsApp;

/// <summary>The <c>WhatsApp</c> configuration section. The channel is off while <see cref="AccessToken"/> is empty.</summary>
public sealed class WhatsAppConnectionOptions
{
    public const string SectionName = "WhatsApp";

    public const string DefaultApiBaseUrl = "https://graph.facebook.com/v21.0";

    /// <summary>A system user's permanent token with whatsapp_business_messaging (Meta Business settings).</summary>
    public string? AccessToken { get; set; }

    /// <summary>The business phone number's id (not the number itself), from the app's WhatsApp → API setup page.</summary>
    public string? PhoneNumberId { get; set; }

    /// <summary>The Meta app's secret: webhooks are signed with it (X-Hub-Signature-256).</summary>
    public string? AppSecret { get; set; }

    /// <summary>The token typed into the webhook form; Meta sends it back in the verification handshake.</summary>
    public string? VerifyToken { get; set; }

    /// <summary>The Graph API with its version; a test double or the sandbox in tests.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>Where the bot's own webhook listener binds, e.g. <c>http://0.0.0.0:8444</c>; empty: no listener.</summary>
    public string? WebhookListen { get; set; }

    public string WebhookPath { get; set; } = "/whatsapp/webhook";

    public WhatsAppTemplateOptions Templates { get; set; } = new();

    /// <summary>How long after a person's last message free-form messages are allowed: WhatsApp's 24 hours (tests shorten it).</summary>
    public TimeSpan CustomerServiceWindow { get; set; } = WhatsAppLimits.CustomerServiceWindow;

    public bool Enabled => !string.IsNullOrWhiteSpace(AccessToken);

    /// <summary>What is wrong with the settings, in words an operator can act on; empty when the channel may start.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PhoneNumberId) || !PhoneNumberId.All(char.IsAsciiDigit))
        {
            problems.Add("WhatsApp:PhoneNumberId is missing or not digits: copy the phone number id (not the number) from the Meta app's WhatsApp > API setup page.");
        }

        if (string.IsNullOrWhiteSpace(AppSecret))
        {
            problems.Add("WhatsApp:AppSecret is missing: copy the app secret from the Meta app's Settings > Basic page; without it webhooks cannot be checked.");
        }

        if (string.IsNullOrWhiteSpace(VerifyToken))
        {
            problems.Add("WhatsApp:VerifyToken is missing: choose any long random string and type the same one into the app's webhook form.");
        }

        if (!Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out var api) || api.Scheme is not ("https" or "http"))
        {
            problems.Add($"WhatsApp:ApiBaseUrl '{ApiBaseUrl}' is not an http(s) URL: leave it out for {DefaultApiBaseUrl}.");
        }

        if (!string.IsNullOrWhiteSpace(WebhookListen) && !Uri.TryCreate(WebhookListen, UriKind.Absolute, out _))
        {
            problems.Add($"WhatsApp:WebhookListen '{WebhookListen}' is not a URL: write e.g. http://0.0.0.0:8444 (TLS ends at the reverse proxy).");
        }

        if (!WebhookPath.StartsWith('/'))
        {
            problems.Add($"WhatsApp:WebhookPath '{WebhookPath}' must start with '/', e.g. /whatsapp/webhook.");
        }

        if (string.IsNullOrWhiteSpace(Templates.Reminder) || string.IsNullOrWhiteSpace(Templates.Opening))
        {
            problems.Add("WhatsApp:Templates:Reminder and WhatsApp:Templates:Opening must name approved message templates (README: 'WhatsApp'): outside the 24-hour window WhatsApp delivers nothing else.");
        }

        if (CustomerServiceWindow <= TimeSpan.Zero || CustomerServiceWindow > WhatsAppLimits.CustomerServiceWindow)
        {
            problems.Add($"WhatsApp:CustomerServiceWindow {CustomerServiceWindow} is outside (0, 24 h]: leave it out; WhatsApp's window is 24 hours.");
        }

        if (string.IsNullOrWhiteSpace(Templates.Language))
        {
            problems.Add("WhatsApp:Templates:Language is empty: write the templates' language code, 'id' for Bahasa Indonesia.");
        }

        return problems;
    }
}
