using KinerjaBot.Configuration;
using KinerjaBot.Domain;
using KinerjaBot.Tests.Support;

namespace KinerjaBot.Tests.Configuration;

public sealed class OfficeConfigurationLoaderTests : IDisposable
{
    private readonly TempDirectory _config = new();

    public OfficeConfigurationLoaderTests() => SampleOffice.CopyTo(_config.Path);

    public void Dispose() => _config.Dispose();

    [Fact]
    public void The_sample_office_loads_with_at_least_four_units_and_twelve_mixed_indicators()
    {
        var office = OfficeConfigurationLoader.Load(RepositoryPaths.SampleConfig);

        Assert.True(office.Units.Count >= 4);
        Assert.True(office.Indicators.Count >= 12);
        Assert.Equal(3, office.Indicators.Select(i => i.Kind).Distinct().Count());
        Assert.Equal(2, office.Indicators.Select(i => i.Polarity).Distinct().Count());
        Assert.Equal(3, office.Indicators.Select(i => i.Evidence).Distinct().Count());
        foreach (var quarter in Enumerable.Range(1, 4).Select(q => Period.Quarter(2026, q)).Append(Period.OfYear(2026)))
        {
            Assert.All(office.Units, u => Assert.NotEmpty(office.IndicatorsFor(u.Id, quarter)));
        }

        Assert.Equal([ChainStageKind.Validate, ChainStageKind.Paraf, ChainStageKind.Sign], office.Chain.Select(s => s.Kind));
        Assert.Equal(DeadlineDuration.Days(3), office.Deadlines.Fill);
    }

    [Theory]
    [InlineData("081200000107")]
    [InlineData("+6281200000107")]
    [InlineData("6281200000107")]
    [InlineData("0812-0000-0107")]
    public void An_official_is_found_by_any_spelling_of_their_phone_number(string phone)
    {
        Assert.Equal("kasi-trantib", SampleOffice.Configuration.FindByPhone(phone)?.Id);
    }

    [Fact]
    public void Phone_numbers_written_in_international_form_in_the_file_are_accepted()
    {
        Edit("office.yaml", "phone: \"081200000101\"", "phone: \"+62 812-0000-0101\"");

        var office = OfficeConfigurationLoader.Load(_config.Path);

        Assert.Equal("6281200000101", office.Official("camat").Phone);
    }

    [Fact]
    public void A_salutation_is_read_per_official_and_an_official_without_one_is_addressed_as_bapak_ibu()
    {
        Edit("office.yaml", "    salutation: Ibu\n    position: Sekretaris Kecamatan", "    position: Sekretaris Kecamatan");
        Edit("office.yaml", "salutation: Ibu", "salutation: ibu");

        var office = OfficeConfigurationLoader.Load(_config.Path);

        Assert.Equal("Bapak Drs. Bagus Wicaksono, M.Si.", office.Official("camat").Addressed);
        Assert.Equal("Bapak/Ibu Ratna Kusumawardani, S.IP.", office.Official("sekcam").Addressed);
        Assert.Equal("Ibu", office.Official("staf-pk").Salutation);
    }

    [Fact]
    public void A_salutation_other_than_bapak_or_ibu_is_reported_with_file_line_and_the_fix()
    {
        var line = Edit("office.yaml", "salutation: Ibu", "salutation: Bu");

        AssertProblem(LoadFailure(), "office.yaml", line, "official 'sekcam' has salutation 'Bu', which is not known", "write 'salutation: Bapak' or 'salutation: Ibu'");
    }

    [Fact]
    public void A_unit_head_who_is_not_an_official_is_reported_with_file_line_and_the_known_ids()
    {
        var line = Edit("office.yaml", "head: kasi-pmd", "head: kasi-ekbang");

        var message = LoadFailure();

        AssertProblem(message, "office.yaml", line, "'head: kasi-ekbang' is not an official", "use one of the official ids: camat");
    }

    [Fact]
    public void A_verifier_who_is_not_an_official_is_reported()
    {
        var line = Edit("office.yaml", "verifiers: [kasubbag-pk, sekcam]", "verifiers: [kasubbag-pk, sekretaris]");

        AssertProblem(LoadFailure(), "office.yaml", line, "verifier 'sekretaris', who is not in the 'officials:' list", "use one of the official ids");
    }

    [Fact]
    public void A_role_that_names_an_unknown_official_is_reported()
    {
        var line = Edit("office.yaml", "head: camat              # signs the report", "head: pak-camat");

        AssertProblem(LoadFailure(), "office.yaml", line, "roles 'head: pak-camat' is not an official", "use one of the official ids");
    }

    [Fact]
    public void An_indicator_of_an_unknown_unit_is_reported_with_the_unit_ids_to_choose_from()
    {
        var line = Edit("indicators.yaml", "unit: kesos\n    name: Persentase warga", "unit: sosial\n    name: Persentase warga");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "unit 'sosial', which is not in office.yaml", "use one of the unit ids: kesos, pemerintahan");
    }

    [Fact]
    public void A_duplicate_official_id_is_reported()
    {
        var line = Edit("office.yaml", "- id: kasi-pmd", "- id: kasi-pem");

        AssertProblem(LoadFailure(), "office.yaml", line, "official id 'kasi-pem' is used twice", "give every official a different id");
    }

    [Fact]
    public void A_duplicate_unit_id_is_reported()
    {
        var line = Edit("office.yaml", "- id: kesos", "- id: pmd");

        AssertProblem(LoadFailure(), "office.yaml", line, "unit id 'pmd' is used twice", "give every unit a different id");
    }

    [Fact]
    public void A_duplicate_indicator_code_is_reported()
    {
        var line = Edit("indicators.yaml", "- code: IK-2.2", "- code: IK-2.1");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "indicator code 'IK-2.1' is used twice", "give every indicator a different code");
    }

    [Theory]
    [InlineData("\"19750822200312200\"")]
    [InlineData("\"1975082220031220021\"")]
    [InlineData("\"19750822 200312 2 002\"")]
    [InlineData("\"NIP197508222003122\"")]
    public void A_nip_that_is_not_18_digits_is_reported(string nip)
    {
        var line = Edit("office.yaml", "nip: \"197508222003122002\"", $"nip: {nip}");

        AssertProblem(LoadFailure(), "office.yaml", line, "which is not 18 digits", "write the 18 digits of the NIP in quotes");
    }

    [Theory]
    [InlineData("\"12345\"")]
    [InlineData("\"0812abc\"")]
    [InlineData("\"+1 202 555 0100\"")]
    public void A_phone_number_that_is_not_indonesian_is_reported(string phone)
    {
        var line = Edit("office.yaml", "phone: \"081200000105\"", $"phone: {phone}");

        AssertProblem(LoadFailure(), "office.yaml", line, "which is not an Indonesian phone number", "081234567890");
    }

    [Fact]
    public void Two_officials_with_the_same_number_in_different_spellings_are_reported()
    {
        var line = Edit("office.yaml", "phone: \"081200000105\"", "phone: \"+6281200000104\"");

        AssertProblem(LoadFailure(), "office.yaml", line, "same phone number as official 'staf-pk'", "give each official their own number");
    }

    [Theory]
    [InlineData("3 days")]
    [InlineData("3")]
    [InlineData("-1d")]
    [InlineData("3w")]
    public void A_deadline_that_is_not_a_duration_is_reported(string duration)
    {
        var line = Edit("office.yaml", "fill: 3d", $"fill: {duration}");

        AssertProblem(LoadFailure(), "office.yaml", line, $"deadline 'fill: {duration}' is not a duration", "3d or 12h");
    }

    [Theory]
    [InlineData("kind: percent", "kind: percentage", "kind 'percentage'", "percent, number, integer")]
    [InlineData("polarity: higher", "polarity: up", "polarity 'up'", "higher, lower")]
    [InlineData("evidence: optional", "evidence: maybe", "evidence 'maybe'", "none, optional, required")]
    public void An_unknown_word_for_kind_polarity_or_evidence_is_reported_with_the_known_words(string original, string broken, string problem, string fix)
    {
        var line = Edit("indicators.yaml", original, broken);

        AssertProblem(LoadFailure(), "indicators.yaml", line, problem, fix);
    }

    [Fact]
    public void A_missing_target_for_a_period_the_indicator_is_asked_in_is_reported()
    {
        var line = Edit("indicators.yaml", "targets: { 2026-TW1: 20, 2026-TW2: 45, 2026-TW3: 70,", "targets: { 2026-TW1: 20, 2026-TW2: 45,");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "has no target for 2026-TW3", "add a target for each of 2026-TW3");
    }

    [Fact]
    public void A_target_for_a_period_kind_the_indicator_is_not_asked_in_is_reported()
    {
        var line = Edit("indicators.yaml", "2026-TW4: 3, 2026: 12 }", "2026-TW4: 3, 2026: 12, 2026-S1: 6 }");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "has a target for 2026-S1 but is not asked per semester", "add semester to 'asked_in'");
    }

    [Fact]
    public void A_percent_target_over_100_is_reported()
    {
        var line = Edit("indicators.yaml", "2026-TW4: 100, 2026: 100 }\n  - code: IK-2.1", "2026-TW4: 120, 2026: 100 }\n  - code: IK-2.1");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "is a percent but its target for 2026-TW4 is 120", "between 0 and 100");
    }

    [Fact]
    public void An_indicator_code_too_long_for_button_data_is_reported()
    {
        var line = Edit("indicators.yaml", "- code: IK-2.2", "- code: INDIKATOR-KINERJA-2.2-PATROLI");

        AssertProblem(LoadFailure(), "indicators.yaml", line, "must be at most 20 plain characters", "write a short code such as IKU-1");
    }

    [Fact]
    public void A_unit_id_too_long_for_button_data_is_reported()
    {
        var line = Edit("office.yaml", "- id: kesos", "- id: kesejahteraan-sosial-masyarakat");

        AssertProblem(LoadFailure(), "office.yaml", line, "is longer than 20 characters", "shorten it");
    }

    [Fact]
    public void An_unknown_time_zone_is_reported()
    {
        var line = Edit("office.yaml", "timezone: Asia/Jakarta", "timezone: WIB");

        AssertProblem(LoadFailure(), "office.yaml", line, "timezone 'WIB' is not known", "Asia/Jakarta (WIB)");
    }

    [Fact]
    public void A_missing_logo_file_is_reported_with_the_path_it_looked_for()
    {
        var line = Edit("office.yaml", "# logo: logo.png", "logo: lambang.png");

        AssertProblem(LoadFailure(), "office.yaml", line, "logo file 'lambang.png' does not exist", "put the PNG or JPEG file in the config folder");
    }

    [Fact]
    public void A_misspelt_key_is_reported_instead_of_silently_ignored()
    {
        var line = Edit("office.yaml", "verifiers: [sekcam]", "verifier: [sekcam]");

        var message = LoadFailure();

        AssertProblem(message, "office.yaml", line, "unit has an unknown key 'verifier'", "use only id, name, head, verifiers");
    }

    [Fact]
    public void A_chain_that_does_not_end_with_a_signature_is_reported()
    {
        var line = Edit("office.yaml", "  - stage: sign\n    by: head\n", string.Empty);
        _ = line;

        var message = LoadFailure();

        Assert.Contains("the chain must end with exactly one 'sign' stage", message);
        Assert.Contains("finish with '- stage: sign'", message);
    }

    [Fact]
    public void Broken_yaml_is_reported_with_its_line_and_no_stack_trace()
    {
        var line = Edit("office.yaml", "  city: Sukamaju ", "  city: [Sukamaju ");

        var message = LoadFailure();

        AssertProblem(message, "office.yaml", line, "the YAML cannot be read", "check the indentation");
        Assert.DoesNotContain("   at ", message);
    }

    [Fact]
    public void A_missing_file_is_reported_with_the_full_path_searched()
    {
        File.Delete(Path.Combine(_config.Path, "indicators.yaml"));

        var message = LoadFailure();

        Assert.Contains("indicators.yaml, line 0: the file does not exist", message);
        Assert.Contains(Path.GetFullPath(Path.Combine(_config.Path, "indicators.yaml")), message);
    }

    [Fact]
    public void Every_problem_in_both_files_is_listed_in_one_message()
    {
        Edit("office.yaml", "nip: \"197508222003122002\"", "nip: \"123\"");
        Edit("office.yaml", "fill: 3d", "fill: soon");
        Edit("indicators.yaml", "kind: integer\n    polarity: lower\n    evidence: none\n    targets: { 2026-TW1: 10", "kind: whole\n    polarity: lower\n    evidence: none\n    targets: { 2026-TW1: 10");

        var exception = Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path));

        Assert.Equal(3, exception.Problems.Count);
        Assert.StartsWith("The office configuration has 3 problems:", exception.Message);
    }

    private string LoadFailure() =>
        Assert.Throws<OfficeConfigurationException>(() => OfficeConfigurationLoader.Load(_config.Path)).Message;

    /// <summary>Replaces the first occurrence of <paramref name="original"/> and returns the 1-based line it was on.</summary>
    private int Edit(string file, string original, string replacement)
    {
        var path = Path.Combine(_config.Path, file);
        var text = File.ReadAllText(path);
        var at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The sample {file} no longer contains '{original}'; update the test.");
        File.WriteAllText(path, string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length)));
        return text[..at].Count(c => c == '\n') + 1;
    }

    private void AssertProblem(string message, string file, int line, string problem, string fix)
    {
        var expectedPrefix = $"{Path.Combine(_config.Path, file)}, line {line}: ";
        var entry = message.Split('\n').FirstOrDefault(l => l.Contains(problem, StringComparison.Ordinal));
        Assert.True(entry is not null, $"Expected a problem containing '{problem}' in:\n{message}");
        Assert.Contains(expectedPrefix, entry);
        Assert.Contains("Fix: ", entry);
        Assert.Contains(fix, entry[entry.IndexOf("Fix: ", StringComparison.Ordinal)..]);
    }
}
