using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace KinerjaBot.Domain;

/// <summary>
/// A stage duration from <c>config/office.yaml</c>: <c>3d</c> = three working days, <c>12h</c>, <c>30m</c>, <c>10s</c>
/// (clock time; the short units exist mostly for demos and tests).
/// </summary>
public readonly record struct DeadlineDuration(int WorkingDays, TimeSpan ClockTime)
{
    public const string Help = "write a number followed by d (working days), h (hours), m (minutes) or s (seconds), e.g. 3d or 12h";

    public static DeadlineDuration Days(int workingDays) => new(workingDays, TimeSpan.Zero);

    public static bool TryParse([NotNullWhen(true)] string? text, out DeadlineDuration duration)
    {
        duration = default;
        var trimmed = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length < 2)
        {
            return false;
        }

        if (!int.TryParse(trimmed[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount > 10_000)
        {
            return false;
        }

        duration = trimmed[^1] switch
        {
            'd' => Days(amount),
            'h' => new DeadlineDuration(0, TimeSpan.FromHours(amount)),
            'm' => new DeadlineDuration(0, TimeSpan.FromMinutes(amount)),
            's' => new DeadlineDuration(0, TimeSpan.FromSeconds(amount)),
            _ => default,
        };
        return duration != default;
    }

    public override string ToString() =>
        WorkingDays > 0 ? $"{WorkingDays}d" : ClockTime.TotalSeconds % 3600 == 0 ? $"{ClockTime.TotalHours:0}h"
        : ClockTime.TotalSeconds % 60 == 0 ? $"{ClockTime.TotalMinutes:0}m" : $"{ClockTime.TotalSeconds:0}s";
}
