namespace KinerjaBot.WhatsApp;

/// <summary>A POST to /{phone-number-id}/messages. Exactly one of the content parts is set, matching <see cref="Type"/>.</summary>
public sealed record GraphMessage(string To, string Type)
{
    public string MessagingProduct { get; init; } = "whatsapp";

    public string RecipientType { get; init; } = "individual";

    public GraphText? Text { get; init; }

    public GraphInteractive? Interactive { get; init; }

    public GraphDocument? Document { get; init; }

    public GraphTemplate? Template { get; init; }
}
