using System.Security.Cryptography;
using System.Text;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// The verification GET Meta sends when the webhook URL is saved: <c>hub.mode=subscribe</c>, the verify token typed into
/// the form, and a challenge to echo. Returns the challenge to answer with, or null (then answer 403).
/// </summary>
public static class WebhookHandshake
{
    public static string? Answer(string? mode, string? verifyToken, string? challenge, string expectedVerifyToken) =>
        mode == "subscribe"
            && verifyToken is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(verifyToken), Encoding.UTF8.GetBytes(expectedVerifyToken))
            && !string.IsNullOrEmpty(challenge)
                ? challenge
                : null;
}
