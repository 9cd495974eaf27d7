namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>Settings of the WhatsApp Cloud API double served under <c>/whatsapp</c> (<see cref="LocalBotApiServerOptions.WhatsApp"/>).</summary>
public sealed record WhatsAppDoubleOptions
{
    /// <summary>The business phone number's id, the path segment of <c>/{ver}/{phone_number_id}/messages</c>.</summary>
    public string PhoneNumberId { get; init; } = "100000000000001";

    /// <summary>The number people see the bot write from; only shown in webhook metadata.</summary>
    public string DisplayPhoneNumber { get; init; } = "15550000001";

    /// <summary>The WhatsApp Business Account id webhook entries carry.</summary>
    public string BusinessAccountId { get; init; } = "100000000000000";

    /// <summary>The Bearer token every Graph call must carry.</summary>
    public string AccessToken { get; init; } = "SANDBOX-wa-token";

    /// <summary>The app secret webhook bodies are signed with (<c>X-Hub-Signature-256</c>).</summary>
    public string AppSecret { get; init; } = "SANDBOX-wa-secret";

    /// <summary>The token the subscription handshake sends as <c>hub.verify_token</c>.</summary>
    public string VerifyToken { get; init; } = "SANDBOX-wa-verify";

    /// <summary>The approved template names the double accepts; any other name is refused with 132001.</summary>
    public IReadOnlyList<string> Templates { get; init; } = ["pengingat_kinerja", "pembukaan_periode"];

    /// <summary>How long after a person's last message the bot may send free-form messages; tests may shorten it.</summary>
    public TimeSpan CustomerServiceWindow { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Refuse a free-form message outside the window with a 400 (131047) instead of the real Cloud API's way:
    /// 200 and a wamid, then a <c>failed</c> status webhook with 131047. Off by default.
    /// </summary>
    public bool RefuseReEngagementSynchronously { get; init; }

    /// <summary>The clock for the window and timestamps; null uses <see cref="LocalBotApiServerOptions.TimeProvider"/>.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Refuse a second message to the same person within <see cref="PairRateInterval"/> (131056), as WhatsApp does under load.</summary>
    public bool EnforcePairRate { get; init; }

    /// <summary>The spacing <see cref="EnforcePairRate"/> demands: WhatsApp allows about one message per 6 seconds per person.</summary>
    public TimeSpan PairRateInterval { get; init; } = TimeSpan.FromSeconds(6);
}
