using KinerjaBot.WhatsApp;

namespace KinerjaBot.Tests.WhatsAppChannel;

/// <summary>The WhatsApp settings are checked at start, in words the operator can act on.</summary>
public sealed class WhatsAppSettingsTests
{
    [Fact]
    public void Without_an_access_token_the_channel_is_off_and_nothing_else_is_required()
    {
        var options = new WhatsAppConnectionOptions();

        Assert.False(options.Enabled);
        Assert.Empty(options.Problems());
    }

    [Fact]
    public void With_a_token_each_missing_setting_is_named_with_where_to_find_it()
    {
        var problems = new WhatsAppConnectionOptions { AccessToken = "EAAG…", ApiBaseUrl = "graph.facebook.com" }.Problems();

        Assert.Contains(problems, p => p.StartsWith("WhatsApp:PhoneNumberId is missing", StringComparison.Ordinal) && p.Contains("API setup"));
        Assert.Contains(problems, p => p.StartsWith("WhatsApp:AppSecret is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("WhatsApp:VerifyToken is missing", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("WhatsApp:ApiBaseUrl 'graph.facebook.com' is not an http(s) URL", StringComparison.Ordinal));
    }

    [Fact]
    public void Complete_settings_pass_and_the_templates_default_to_the_readme_names_in_indonesian()
    {
        var options = new WhatsAppConnectionOptions { AccessToken = "EAAG…", PhoneNumberId = "100000000000001", AppSecret = "s", VerifyToken = "v" };

        Assert.Empty(options.Problems());
        Assert.Equal(("pengingat_kinerja", "pembukaan_periode", "id"), (options.Templates.Reminder, options.Templates.Opening, options.Templates.Language));
        Assert.Equal(WhatsAppConnectionOptions.DefaultApiBaseUrl, options.ApiBaseUrl);
    }
}
