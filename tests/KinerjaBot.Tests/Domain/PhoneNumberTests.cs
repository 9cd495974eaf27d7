using KinerjaBot.Domain;

namespace KinerjaBot.Tests.Domain;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("081234567890")]
    [InlineData("+6281234567890")]
    [InlineData("6281234567890")]
    [InlineData("0812-3456-7890")]
    [InlineData("0812 3456 7890")]
    [InlineData("+62 812-3456-7890")]
    [InlineData("(0812) 3456.7890")]
    [InlineData("  081234567890  ")]
    [InlineData("0812\u00A03456\u00A07890")]
    public void The_ways_people_write_one_mobile_number_all_normalise_to_the_same_digits(string text)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var normalized));
        Assert.Equal("6281234567890", normalized);
    }

    [Theory]
    [InlineData("08123456789", "628123456789")]
    [InlineData("0811234567", "62811234567")]
    [InlineData("02112345678", "622112345678")]
    public void Shorter_mobile_and_landline_numbers_are_accepted(string text, string expected)
    {
        Assert.True(PhoneNumber.TryNormalize(text, out var normalized));
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("81234567890")]
    [InlineData("12345")]
    [InlineData("0812345")]
    [InlineData("0812345678901234")]
    [InlineData("0812abc67890")]
    [InlineData("+")]
    [InlineData("++6281234567890")]
    [InlineData("62+81234567890")]
    [InlineData("0081234567890")]
    [InlineData("6208123456789")]
    [InlineData("+1 202 555 0100")]
    [InlineData("0812/3456/7890")]
    public void Something_that_is_not_an_Indonesian_number_is_refused(string? text)
    {
        Assert.False(PhoneNumber.TryNormalize(text, out var normalized));
        Assert.Null(normalized);
    }
}
