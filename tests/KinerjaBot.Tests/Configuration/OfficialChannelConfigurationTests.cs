using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

/// <summary><c>channel:</c> per official pins where they register and are reached.</summary>
public sealed class OfficialChannelConfigurationTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public OfficialChannelConfigurationTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void A_channel_per_official_is_read_and_an_official_without_one_is_reached_where_they_registered_last()
    {
        Edit("salutation: Ibu", "salutation: Ibu\n    channel: whatsapp");

        var office = OfficeConfigurationLoader.Load(_config.Path);

        Assert.Equal(ChatChannel.WhatsApp, office.Official("sekcam").Channel);
        Assert.Null(office.Official("camat").Channel);
    }

    [Fact]
    public void An_unknown_channel_is_reported_with_file_line_and_the_fix()
    {
        var line = Edit("salutation: Ibu", "salutation: Ibu\n    channel: sms") + 1;

        var failure = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

        Assert.Contains($"{Path.Combine(_config.Path, "office.yaml")}, line {line}: ", failure);
        Assert.Contains("official 'sekcam' has channel 'sms', which is not known", failure);
        Assert.Contains("write 'channel: telegram' or 'channel: whatsapp'", failure);
    }

    private int Edit(string find, string replace)
    {
        var path = _config.Combine("office.yaml");
        var text = File.ReadAllText(path);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in office.yaml");
        File.WriteAllText(path, text[..at] + replace + text[(at + find.Length)..]);
        return text[..at].Count(c => c == '\n') + 1;
    }
}
