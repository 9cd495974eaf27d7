using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class NipTests
{
    [Fact]
    public void Eighteen_digits_are_a_valid_NIP()
    {
        Assert.True(Nip.IsValid("196701011992091001"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("19670101199209100")]
    [InlineData("1967010119920910011")]
    [InlineData("19670101199209100A")]
    [InlineData("19670101 199209 1 001")]
    [InlineData("１９６７０１０１１９９２０９１００１")]
    public void Anything_but_exactly_eighteen_ASCII_digits_is_not_a_NIP(string? text)
    {
        Assert.False(Nip.IsValid(text));
    }

    [Fact]
    public void A_NIP_is_grouped_eight_six_one_three_as_on_Indonesian_documents()
    {
        Assert.Equal("19670701 199209 1 001", Nip.Group("196707011992091001"));
    }

    [Fact]
    public void Grouping_leaves_an_invalid_NIP_as_it_was()
    {
        Assert.Equal("1967070119920910", Nip.Group("1967070119920910"));
    }
}
