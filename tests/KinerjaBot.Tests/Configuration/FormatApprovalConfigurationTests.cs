using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

public sealed class FormatApprovalConfigurationTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public FormatApprovalConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void Without_the_keys_format_approval_is_off_with_the_sops_times_and_the_default_letter_number()
    {
        var settings = SampleOffice.Configuration.FormatApproval;

        Assert.False(settings.Enabled);
        Assert.Equal(DeadlineDuration.Days(2), settings.Review);
        Assert.Equal(new DeadlineDuration(0, TimeSpan.FromMinutes(10)), settings.Paraf);
        Assert.Equal(DeadlineDuration.Days(1), settings.Sign);
        Assert.Equal("050/7/KEC-SUKAMAJU/2026", settings.LetterNumber(7, 2026));
    }

    [Fact]
    public void The_switch_the_letter_and_the_deadlines_are_read_from_office_yaml()
    {
        Append("""

            format_approval: on
            notification_letter:
              number: 800/{n}/Kec.Skm/{year}
              office_code: SKM
              sifat: Segera
            """);
        Replace("  sign: 1d", "  sign: 1d\n  format_review: 3d\n  format_paraf: 30m");

        var settings = OfficeConfigurationLoader.Load(_config.Path).FormatApproval;

        Assert.True(settings.Enabled);
        Assert.Equal("800/12/Kec.Skm/2027", settings.LetterNumber(12, 2027));
        Assert.Equal("Segera", settings.Sifat);
        Assert.Equal(DeadlineDuration.Days(3), settings.Review);
        Assert.Equal(new DeadlineDuration(0, TimeSpan.FromMinutes(30)), settings.Paraf);
        Assert.Equal(DeadlineDuration.Days(1), settings.Fix);
    }

    [Fact]
    public void A_letter_number_without_a_running_number_and_an_unknown_switch_are_reported_with_file_line_and_fix()
    {
        Append("\nformat_approval: maybe\nnotification_letter:\n  number: 050/{nomor}/{year}\n");

        var message = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains("format_approval 'maybe' is not known", message);
        Assert.Contains("Fix: write 'format_approval: on'", message);
        Assert.Contains("letter number '050/{nomor}/{year}' has no '{n}'", message);
        Assert.Contains("unknown placeholder '{nomor}'", message);
        Assert.Contains($"{Path.Combine(_config.Path, "office.yaml")}, line ", message);
    }

    private void Append(string text) => File.AppendAllText(Path.Combine(_config.Path, "office.yaml"), text);

    private void Replace(string original, string replacement)
    {
        var path = Path.Combine(_config.Path, "office.yaml");
        var text = File.ReadAllText(path);
        Assert.Contains(original, text);
        File.WriteAllText(path, text.Replace(original, replacement, StringComparison.Ordinal));
    }
}
