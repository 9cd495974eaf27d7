using KinerjaBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace KinerjaBot.Tests.Hosting;

public sealed class OfficeSettingsTests
{
    [Fact]
    public void An_offices_own_settings_win_over_the_shared_ones_and_may_write_its_id_with_underscores_as_environment_variables_must()
    {
        var shared = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:ApiBaseUrl"] = "https://api.telegram.org",
                ["Offices:kec_sukamaju:Telegram:BotToken"] = "111:from-environment",
                ["Offices:kec-sukamaju:Telegram:ApiBaseUrl"] = "http://127.0.0.1:9000",
            })
            .Build();

        var settings = OfficeSettings.For(shared, "kec-sukamaju", "/etc/kb/kec-sukamaju", "/var/lib/kb");
        var office = new ConfigurationBuilder().AddCommandLine(["--Telegram:ApiBaseUrl=https://api.telegram.org", .. settings]).Build();

        Assert.Equal("111:from-environment", office["Telegram:BotToken"]);
        Assert.Equal("http://127.0.0.1:9000", office["Telegram:ApiBaseUrl"]);
        Assert.Equal("/etc/kb/kec-sukamaju", office["KinerjaBot:ConfigDirectory"]);
        Assert.Equal(Path.Combine("/var/lib/kb", "kec-sukamaju"), office["KinerjaBot:DataDirectory"]);
    }

    [Fact]
    public void One_shared_webhook_url_gives_each_office_its_own_path_unless_the_office_sets_its_own()
    {
        var shared = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Telegram:WebhookUrl"] = "https://bot.example.go.id/telegram/",
                ["Offices:kec-b:Telegram:WebhookUrl"] = "https://bot.example.go.id/b",
            })
            .Build();

        var a = new ConfigurationBuilder().AddCommandLine(OfficeSettings.For(shared, "kec-a", "a", "data")).Build();
        var b = new ConfigurationBuilder().AddCommandLine(OfficeSettings.For(shared, "kec-b", "b", "data")).Build();

        Assert.Equal("https://bot.example.go.id/telegram/kec-a", a["Telegram:WebhookUrl"]);
        Assert.Equal("https://bot.example.go.id/b", b["Telegram:WebhookUrl"]);
    }
}
