using Microsoft.Extensions.Configuration;

namespace KinerjaBot.Hosting;

/// <summary>
/// The settings of one office of several: the shared settings with the office's own section
/// <c>Offices:&lt;office-id&gt;:…</c> laid over them, its config folder, and its data folder under the shared one.
/// In environment variables the id may be written with '_' for '-' (<c>Offices__kec_sukamaju__Telegram__BotToken</c>),
/// since shells do not allow '-' in a variable's name.
/// </summary>
public static class OfficeSettings
{
    public const string SectionName = "Offices";

    /// <summary>Command-line settings to append to the shared ones; they win, being the last source.</summary>
    public static string[] For(IConfiguration shared, string officeId, string officeFolder, string dataRoot)
    {
        var own = Own(shared, officeId);
        var settings = new List<string>
        {
            $"--{KinerjaBotOptions.SectionName}:ConfigDirectory={officeFolder}",
            $"--{KinerjaBotOptions.SectionName}:DataDirectory={Path.Combine(dataRoot, officeId)}",
        };

        // One shared Telegram:WebhookUrl serves every office, each on its own path below it.
        if (!own.ContainsKey("Telegram:WebhookUrl") && shared["Telegram:WebhookUrl"] is { Length: > 0 } webhookUrl)
        {
            settings.Add($"--Telegram:WebhookUrl={webhookUrl.TrimEnd('/')}/{officeId}");
        }

        settings.AddRange(own.Select(setting => $"--{setting.Key}={setting.Value}"));
        return [.. settings];
    }

    /// <summary>The office's own settings (keys relative to its section).</summary>
    public static IReadOnlyDictionary<string, string> Own(IConfiguration shared, string officeId)
    {
        var own = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in new[] { officeId.Replace('-', '_'), officeId }.Distinct())
        {
            foreach (var (key, value) in shared.GetSection($"{SectionName}:{name}").AsEnumerable(makePathsRelative: true))
            {
                if (value is not null)
                {
                    own[key] = value;
                }
            }
        }

        return own;
    }

    /// <summary>How the office's section is written as an environment variable prefix, e.g. <c>Offices__kec_sukamaju__</c>.</summary>
    public static string EnvironmentPrefix(string officeId) => $"{SectionName}__{officeId.Replace('-', '_')}__";
}
