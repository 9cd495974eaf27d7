namespace KinerjaBot.Domain;

/// <summary>The messenger a chat lives on. Stored in lowercase (<c>telegram</c>, <c>whatsapp</c>).</summary>
public enum ChatChannel
{
    Telegram,
    WhatsApp,
}
