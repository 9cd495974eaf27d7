using System.Security.Cryptography;
using System.Text;

namespace KinerjaBot.WhatsApp;

/// <summary>
/// Meta signs every webhook POST: <c>X-Hub-Signature-256: sha256=&lt;hex HMAC-SHA256 of the raw body with the app
/// secret&gt;</c>. Compared in constant time, so the time taken tells an attacker nothing about the right signature.
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "X-Hub-Signature-256";

    private const string Prefix = "sha256=";

    public static string Compute(ReadOnlySpan<byte> body, string appSecret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));

    public static bool IsValid(ReadOnlySpan<byte> body, string? header, string appSecret)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) || header.Length != Prefix.Length + 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(given, HMACSHA256.HashData(Encoding.UTF8.GetBytes(appSecret), body));
    }
}
