namespace KinerjaBot.WhatsApp;

/// <summary>The Cloud API's limits on interactive messages (developers.facebook.com/docs/whatsapp/cloud-api/messages).</summary>
public static class WhatsAppLimits
{
    public const int MaxTextLength = 4096;
    public const int MaxButtonBodyLength = 1024;
    public const int MaxCaptionLength = 1024;
    public const int MaxReplyButtons = 3;
    public const int MaxButtonTitleLength = 20;
    public const int MaxButtonIdLength = 256;
    public const int MaxListRows = 10;
    public const int MaxListSections = 10;
    public const int MaxListButtonLength = 20;
    public const int MaxRowTitleLength = 24;
    public const int MaxRowIdLength = 200;
    public const int MaxRowDescriptionLength = 72;

    /// <summary>The customer-service window: free-form messages only this long after the person last wrote.</summary>
    public static readonly TimeSpan CustomerServiceWindow = TimeSpan.FromHours(24);
}
