namespace KinerjaBot.WhatsApp;

/// <summary>One message a person sent; <see cref="Type"/> says which part is set.</summary>
public sealed record WebhookMessage(string From, string Id, string? Timestamp, string Type)
{
    public WebhookText? Text { get; init; }

    public WebhookInteractive? Interactive { get; init; }

    public WebhookButton? Button { get; init; }

    public WebhookMedia? Image { get; init; }

    public WebhookMedia? Document { get; init; }

    public IReadOnlyList<WebhookSharedContact>? Contacts { get; init; }
}
