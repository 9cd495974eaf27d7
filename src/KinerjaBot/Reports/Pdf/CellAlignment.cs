namespace KinerjaBot.Reports.Pdf;

internal enum CellAlignment
{
    Left,
    Center,
    Right,
}
