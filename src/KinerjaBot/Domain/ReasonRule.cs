namespace KinerjaBot.Domain;

/// <summary>
/// The shortest written reason the bot accepts where someone else has only that text to go on: a return reason
/// (the unit head must know what to fix), a period closing's, and the note on an implausible value (the verifier
/// must know why). "x" or "cek" tells them nothing.
/// </summary>
public static class ReasonRule
{
    public const int MinWords = 3;

    public const int MinLength = 10;

    public const int MaxLength = 1000;

    public static bool IsTooShort(string reason) =>
        reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinWords || reason.Trim().Length < MinLength;

    /// <summary>"paling sedikit 3 kata (10 huruf)": said wherever a reason is refused as too short.</summary>
    public static string Minimum => $"paling sedikit {MinWords} kata ({MinLength} huruf)";

    /// <summary>
    /// The Indonesian refusal for <paramref name="reason"/>, or null when it will do. <paramref name="what"/> names the
    /// reason ("pengembalian"), <paramref name="about"/> what it should say ("bagian yang perlu diperbaiki").
    /// </summary>
    public static string? Problem(string? reason, string what, string about)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return $"Alasan {what} wajib diisi. Mohon ketik alasannya, atau /batal untuk membatalkan.";
        }

        var trimmed = reason.Trim();
        if (trimmed.Length > MaxLength)
        {
            return "Alasan terlalu panjang (lebih dari 1.000 huruf). Mohon ketik yang lebih singkat.";
        }

        return IsTooShort(trimmed)
            ? $"Alasan terlalu singkat. Mohon tulis {Minimum} tentang {about}, atau /batal untuk membatalkan."
            : null;
    }
}
