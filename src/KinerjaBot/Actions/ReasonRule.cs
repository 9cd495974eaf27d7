namespace KinerjaBot.Actions;

/// <summary>
/// What a required reason must be (a return's, a period closing's): present, at most 1.000 characters, and at least
/// <see cref="MinWords"/> words, because whoever reads it has only this text to go on; "x" or "cek" tells them nothing.
/// </summary>
public static class ReasonRule
{
    public const int MinWords = 3;

    public const int MinLength = 10;

    public const int MaxLength = 1000;

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

        return trimmed.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length < MinWords || trimmed.Length < MinLength
            ? $"Alasan terlalu singkat. Mohon tulis paling sedikit {MinWords} kata ({MinLength} huruf) tentang {about}, atau /batal untuk membatalkan."
            : null;
    }
}
