namespace KinerjaBot.Conversations;

/// <summary>After /cek: the PDF (or the QR code's line) to check against the signed, archived reports.</summary>
public sealed record AwaitingReportCheckState : ChatState
{
    public override ConversationMode Mode => ConversationMode.AwaitingReportCheck;
}
