using System.Text.RegularExpressions;
using KinerjaBot.Domain;
using KinerjaBot.Sandbox;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.EndToEnd;

/// <summary>The "misalnya …" of each question fits the indicator: typed back as it stands, it is simply recorded.</summary>
public sealed partial class FillingExamplesEndToEndTests : IAsyncLifetime
{
    private static readonly Period Period = Period.Quarter(2026, 3);

    private BotHarness _bot = null!;

    private SimulatedUser KasiPem => _bot.Official("kasi-pem");

    public async Task InitializeAsync()
    {
        _bot = await BotHarness.StartAsync();
        foreach (var id in new[] { "staf-pk", "kasi-pem" })
        {
            await _bot.RegisterAsync(id);
        }

        await _bot.OpenPeriodAsync(Period.Id);
    }

    public async Task DisposeAsync() => await _bot.DisposeAsync();

    [Fact]
    public async Task Each_question_gives_an_example_near_its_target_that_is_recorded_without_a_warning()
    {
        await KasiPem.WaitForReplyAsync(m => m.FindButton("Mulai isi") is not null, BotHarness.Patience);
        await KasiPem.PressButtonAsync("Mulai isi");

        var examples = new Dictionary<string, string>();
        foreach (var indicator in SampleOffice.Configuration.IndicatorsFor("pemerintahan", Period))
        {
            var question = await KasiPem.WaitForReplyAsync(m => m.Content.Contains($"{indicator.Code} {indicator.Name}"), BotHarness.Patience);
            var example = ExampleIn().Match(question.Content).Groups[1].Value;
            examples[indicator.Code] = example;

            await KasiPem.SendTextAsync(example);
            var readBack = await KasiPem.WaitForReplyAsync(_ => true, BotHarness.Patience);
            Assert.Contains("Tercatat", readBack.Content);
            Assert.DoesNotContain("Apakah benar", readBack.Content);
            if (indicator.Evidence == EvidenceRule.Required)
            {
                await KasiPem.SendPhotoAsync([0xFF, 0xD8, 0xFF, 0xE0, 1, 0xFF, 0xD9]);
            }
            else if (indicator.Evidence == EvidenceRule.Optional)
            {
                await KasiPem.WaitForReplyAsync(m => m.FindButton("Lewati") is not null, BotHarness.Patience);
                await KasiPem.PressButtonAsync("Lewati");
            }
        }

        // A refusal's example is the indicator's own too: "12" for a target of 3 would itself be questioned.
        await KasiPem.PressButtonAsync("Ubah IK-1.1");
        await KasiPem.WaitForReplyAsync(m => m.Content.Contains("Nilai tersimpan saat ini"), BotHarness.Patience);
        await KasiPem.SendTextAsync("2,5");
        var refusal = await KasiPem.WaitForReplyAsync(_ => true, BotHarness.Patience);
        Assert.Contains("bilangan bulat", refusal.Content);
        Assert.EndsWith("misalnya 3.", refusal.Content);

        // A percent with a decimal comma; a count of kegiatan near its target of 3; 2,5 hari as a decimal near 2,5.
        Assert.Equal("71,5", examples["IKU-1"]);
        Assert.Equal("3", examples["IK-1.1"]);
        Assert.Equal("2,3", examples["IK-1.2"]);
    }

    [GeneratedRegex(@"Ketik nilai realisasinya, misalnya ([0-9.,]+)\.")]
    private static partial Regex ExampleIn();
}
