namespace KinerjaBot.Reports.Pdf;

/// <summary>Column edges and alignments of one table; edges[i]..edges[i+1] is column i.</summary>
internal sealed class TableGrid
{
    public TableGrid(double left, double width, IReadOnlyList<double> fractions, IReadOnlyList<CellAlignment> alignments)
    {
        if (fractions.Count != alignments.Count)
        {
            throw new ArgumentException("Every column needs a width fraction and an alignment.", nameof(fractions));
        }

        var total = fractions.Sum();
        Edges = new double[fractions.Count + 1];
        Edges[0] = left;
        for (var i = 0; i < fractions.Count; i++)
        {
            Edges[i + 1] = Edges[i] + (width * fractions[i] / total);
        }

        Alignments = alignments;
    }

    public double[] Edges { get; }

    public IReadOnlyList<CellAlignment> Alignments { get; }

    public int ColumnCount => Edges.Length - 1;

    public double Left => Edges[0];

    public double Right => Edges[^1];

    public double Width => Right - Left;

    public double ColumnWidth(int column) => Edges[column + 1] - Edges[column];
}
