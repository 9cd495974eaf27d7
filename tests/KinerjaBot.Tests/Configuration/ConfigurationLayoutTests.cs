using KinerjaBot.Configuration;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

public sealed class ConfigurationLayoutTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_office_yaml_directly_in_the_config_folder_is_one_office_whatever_folders_lie_beside_it()
    {
        var config = _temp.Combine("config");
        Directory.CreateDirectory(config);
        SampleOffice.CopyTo(config);
        Directory.CreateDirectory(Path.Combine(config, "old-copy"));
        SampleOffice.CopyTo(Path.Combine(config, "old-copy"));

        var layout = ConfigurationLayout.Detect(config);

        Assert.False(layout.HasOfficeFolders);
        Assert.Equal("Kecamatan Sukamaju", OfficeConfigurationLoader.Load(layout.ConfigDirectory).Office.Name);
    }

    [Fact]
    public void A_config_folder_without_its_own_office_yaml_holds_one_office_per_folder_that_has_one()
    {
        var config = _temp.Combine("config");
        foreach (var folder in new[] { "kec-b", "kec-a", ".backup", "logos" })
        {
            Directory.CreateDirectory(Path.Combine(config, folder));
        }

        SampleOffice.CopyTo(Path.Combine(config, "kec-a"));
        SampleOffice.CopyTo(Path.Combine(config, "kec-b"));
        SampleOffice.CopyTo(Path.Combine(config, ".backup"));

        var layout = ConfigurationLayout.Detect(config);

        Assert.True(layout.HasOfficeFolders);
        Assert.Equal([Path.Combine(config, "kec-a"), Path.Combine(config, "kec-b")], layout.OfficeFolders);
    }

    [Fact]
    public void The_repositorys_sample_config_is_one_office()
    {
        Assert.False(ConfigurationLayout.Detect(RepositoryPaths.SampleConfig).HasOfficeFolders);
    }

    [Fact]
    public void A_broken_office_yaml_in_one_office_folder_is_reported_with_its_file_line_and_office()
    {
        var config = TwoOffices();
        var line = ConfigFileEdit.Replace(Path.Combine(config, "kec-b"), "office.yaml", "timezone: Asia/Jakarta", "timezone: Asia/Bandung");

        var error = Assert.Throws<OfficeConfigurationException>(() => OfficeFolderConfigurations.Load(ConfigurationLayout.Detect(config)));

        Assert.StartsWith($"The office in folder 'kec-b' ({Path.Combine(config, "kec-b")}) has 1 problem:", error.Message);
        Assert.Contains($"{Path.Combine(config, "kec-b", "office.yaml")}, line {line}: ", error.Message);
        Assert.Contains("Asia/Bandung", error.Message);
        Assert.DoesNotContain("'kec-a'", error.Message);
    }

    [Fact]
    public void Two_office_folders_with_the_same_office_id_are_refused_naming_both_files()
    {
        var config = TwoOffices(secondId: "kec-sukamaju");

        var error = Assert.Throws<OfficeConfigurationException>(() => OfficeFolderConfigurations.Load(ConfigurationLayout.Detect(config)));

        var first = Path.Combine(config, "kec-a", "office.yaml");
        var second = Path.Combine(config, "kec-b", "office.yaml");
        Assert.Contains($"{second}, line 6: office id 'kec-sukamaju' is also the id of the office in {first} (line 6). Fix: give every office its own id", error.Message);
    }

    [Fact]
    public void Two_office_folders_with_different_ids_load_as_two_offices()
    {
        var offices = OfficeFolderConfigurations.Load(ConfigurationLayout.Detect(TwoOffices()));

        Assert.Equal(["kec-sukamaju", "kec-b"], offices.Select(o => o.Office.Office.Id));
    }

    /// <summary>Two copies of the sample office in folders kec-a and kec-b; the second with its own office id.</summary>
    private string TwoOffices(string secondId = "kec-b")
    {
        var config = _temp.Combine("config");
        foreach (var folder in new[] { "kec-a", "kec-b" })
        {
            Directory.CreateDirectory(Path.Combine(config, folder));
            SampleOffice.CopyTo(Path.Combine(config, folder));
        }

        ConfigFileEdit.Replace(Path.Combine(config, "kec-b"), "office.yaml", "id: kec-sukamaju", $"id: {secondId}");
        return config;
    }
}
