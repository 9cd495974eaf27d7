namespace KinerjaBot.Domain;

/// <summary>One number of an answer with the words that followed it: "1,5 juta", "2 jam", "85 %", "24 kali".</summary>
/// <param name="Number">The digits as typed, before any multiplier.</param>
/// <param name="Multiplier">A multiplier word (<c>ribu</c>, <c>jt</c>…) or null.</param>
/// <param name="Unit">A satuan word (<c>persen</c> for "%", <c>jam</c>, <c>orang</c>…) or null.</param>
internal sealed record AnswerQuantity(decimal Number, string? Multiplier, string? Unit);
