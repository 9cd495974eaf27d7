namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>Who wrote a message in a WhatsApp chat.</summary>
public enum WhatsAppChatSender
{
    /// <summary>The simulated person.</summary>
    User,

    /// <summary>The bot, through the Graph API.</summary>
    Bot,
}
