using System.Security.Cryptography;
using System.Text;

namespace KinerjaBot.Sandbox.WhatsApp;

/// <summary>Meta's webhook signature: <c>sha256=</c> and the lowercase hex HMAC-SHA256 of the raw body, keyed with the app secret.</summary>
internal static class WhatsAppSignature
{
    public const string Header = "X-Hub-Signature-256";

    public static string Sign(string appSecret, byte[] body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
}
