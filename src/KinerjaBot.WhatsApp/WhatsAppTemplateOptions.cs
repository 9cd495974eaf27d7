namespace KinerjaBot.WhatsApp;

/// <summary>The approved templates sent outside the 24-hour window; each has one body parameter and one quick-reply button.</summary>
public sealed class WhatsAppTemplateOptions
{
    public string Reminder { get; set; } = "pengingat_kinerja";

    public string Opening { get; set; } = "pembukaan_periode";

    public string Language { get; set; } = "id";
}
