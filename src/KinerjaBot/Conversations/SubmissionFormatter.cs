using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Messaging;
using KinerjaBot.Storage;

namespace KinerjaBot.Conversations;

/// <summary>How values, targets and capaian read in messages ("72,5 % · capaian 103,57 % (Sangat Baik)").</summary>
public sealed class SubmissionFormatter(RatingBands ratings)
{
    public string Value(Indicator indicator, decimal value) =>
        indicator.Measure == "%" ? $"{IndonesianFormat.Number(value)} %" : $"{IndonesianFormat.Number(value)} {indicator.Measure}";

    public string Achievement(Indicator indicator, decimal value, Period period)
    {
        var target = indicator.TargetFor(period);
        var achievement = target is { } t ? Domain.Achievement.Calculate(value, t, indicator.Polarity) : null;
        return achievement is null
            ? "capaian – (target 0)"
            : $"capaian {IndonesianFormat.Percent(achievement)} % ({ratings.Rate(achievement.Value).Label})";
    }

    /// <summary>One numbered line per indicator with value, capaian, note and evidence; used in summaries and for verifiers.</summary>
    /// <param name="previous">The previous revision's values: what changed is marked.</param>
    /// <param name="lastPeriod">Last period's values: a value far from them (or from its target) is flagged ⚠️.</param>
    /// <returns>How many indicators differ from <paramref name="previous"/>.</returns>
    public int AppendValues(MessageText text, SubmissionSnapshot submission, IReadOnlyDictionary<string, StoredValue>? previous = null, IReadOnlyDictionary<string, StoredValue>? lastPeriod = null)
    {
        var number = 1;
        var changed = 0;
        foreach (var indicator in submission.Indicators)
        {
            text.Plain($"{number++}. ").Bold(indicator.Code).Line($" {indicator.Name}");
            var target = indicator.TargetFor(submission.Period);
            text.Line($"   Target: {(target is { } t ? Value(indicator, t) : "–")}");
            if (submission.Values.TryGetValue(indicator.Code, out var stored))
            {
                text.Plain("   Realisasi: ").Bold(Value(indicator, stored.Value)).Line($" · {Achievement(indicator, stored.Value, submission.Period)}");
                if (Plausibility.Concern(stored.Value, target, lastPeriod?.GetValueOrDefault(indicator.Code)?.Value, v => Value(indicator, v)) is { } concern)
                {
                    text.BoldLine($"   ⚠️ Perlu perhatian: nilai ini {concern}.");
                }

                if (!string.IsNullOrWhiteSpace(stored.Note))
                {
                    text.Line($"   Keterangan: {stored.Note}");
                }

                if (stored.EvidencePath is not null)
                {
                    text.Line("   Bukti: terlampir");
                }
                else if (indicator.Evidence == EvidenceRule.Required)
                {
                    text.Line("   Bukti: BELUM ADA (wajib)");
                }

                if (previous is not null && previous.TryGetValue(indicator.Code, out var old) && (old.Value != stored.Value || old.Note != stored.Note || old.EvidencePath != stored.EvidencePath))
                {
                    changed++;
                    text.Line($"   Diubah dari: {Value(indicator, old.Value)}" + (old.Note != stored.Note ? " (keterangan diubah)" : string.Empty) + (old.EvidencePath != stored.EvidencePath ? " (bukti diganti)" : string.Empty));
                }
            }
            else
            {
                text.Line("   Realisasi: belum diisi");
            }
        }

        return changed;
    }
}
