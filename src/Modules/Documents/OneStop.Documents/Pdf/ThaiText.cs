using System.Globalization;
using HarfBuzzSharp;
using SkiaSharp;

namespace OneStop.Documents.Pdf;

/// <summary>One shaped glyph: its id and name in the font, and where HarfBuzz put it (font units, y up).</summary>
internal readonly record struct ShapedGlyph(ushort Id, string Name, int XAdvance, int XOffset, int YOffset);

/// <summary>
/// Thai text set in one face of Sarabun: HarfBuzz shapes it (a tone mark over an upper vowel takes its small form
/// and sits above it, marks over ป ฝ ฟ shift left of the tall stroke, ญ and ฐ drop their tails before ุ and ู),
/// and Skia draws the glyphs where HarfBuzz put them. Drawing code points one by one, as PDF libraries without
/// shaping do, stacks marks on top of each other.
/// </summary>
internal sealed class ThaiText : IDisposable
{
    private readonly Blob blob;
    private readonly Face face;
    private readonly HarfBuzzSharp.Font font;
    private readonly SKTypeface typeface;
    private readonly int unitsPerEm;

    public ThaiText(byte[] ttf)
    {
        ArgumentNullException.ThrowIfNull(ttf);
        blob = Blob.FromStream(new MemoryStream(ttf));
        face = new Face(blob, 0);
        font = new HarfBuzzSharp.Font(face);
        unitsPerEm = face.UnitsPerEm;
        font.SetScale(unitsPerEm, unitsPerEm);
        typeface = SKTypeface.FromData(SKData.CreateCopy(ttf)) ?? throw new InvalidOperationException("The font could not be read.");
    }

    /// <summary>The face from the assembly: <c>Sarabun-Regular</c> or <c>Sarabun-Bold</c>.</summary>
    public static ThaiText Embedded(string name)
    {
        using var stream = typeof(ThaiText).Assembly.GetManifestResourceStream($"Fonts.{name}.ttf") ?? throw new InvalidOperationException($"No font {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return new ThaiText(copy.ToArray());
    }

    public IReadOnlyList<ShapedGlyph> Shape(string text)
    {
        using var buffer = new HarfBuzzSharp.Buffer();
        buffer.AddUtf16(text);
        buffer.GuessSegmentProperties();
        buffer.Language = new Language("th");
        font.Shape(buffer);
        var infos = buffer.GlyphInfos;
        var positions = buffer.GlyphPositions;
        var glyphs = new ShapedGlyph[infos.Length];
        for (var i = 0; i < infos.Length; i++)
        {
            var id = infos[i].Codepoint;
            glyphs[i] = new ShapedGlyph((ushort)id, font.TryGetGlyphName(id, out var name) ? name : id.ToString(CultureInfo.InvariantCulture),
                positions[i].XAdvance, positions[i].XOffset, positions[i].YOffset);
        }

        return glyphs;
    }

    /// <summary>The width of <paramref name="text"/> at <paramref name="size"/> points.</summary>
    public float Width(string text, float size) => Shape(text).Sum(g => g.XAdvance) * size / unitsPerEm;

    /// <summary>Draws <paramref name="text"/> with its baseline at (<paramref name="x"/>, <paramref name="y"/>).</summary>
    public void Draw(SKCanvas canvas, string text, float x, float y, float size, SKColor color)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        var glyphs = Shape(text);
        if (glyphs.Count == 0)
        {
            return;
        }

        var scale = size / unitsPerEm;
        var ids = new ushort[glyphs.Count];
        var points = new SKPoint[glyphs.Count];
        var pen = 0f;
        for (var i = 0; i < glyphs.Count; i++)
        {
            ids[i] = glyphs[i].Id;
            // HarfBuzz's y grows upwards, Skia's downwards.
            points[i] = new SKPoint(x + (pen + glyphs[i].XOffset) * scale, y - glyphs[i].YOffset * scale);
            pen += glyphs[i].XAdvance;
        }

        using var skFont = new SKFont(typeface, size);
        using var builder = new SKTextBlobBuilder();
        var run = builder.AllocatePositionedRun(skFont, glyphs.Count);
        ids.CopyTo(run.Glyphs);
        points.CopyTo(run.Positions);
        using var blobToDraw = builder.Build();
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(blobToDraw, 0, 0, paint);
    }

    /// <summary>
    /// Lines of at most <paramref name="width"/> points: broken at spaces, and inside a run without spaces (Thai
    /// writes none between words) between whole characters with their marks, never between a consonant and its mark.
    /// </summary>
    public IReadOnlyList<string> Wrap(string text, float size, float width)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        var line = string.Empty;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (Width(candidate, size) <= width)
            {
                line = candidate;
                continue;
            }

            if (line.Length > 0)
            {
                lines.Add(line);
            }

            line = string.Empty;
            var elements = StringInfo.GetTextElementEnumerator(word);
            while (elements.MoveNext())
            {
                var piece = (string)elements.Current;
                if (line.Length > 0 && Width(line + piece, size) > width)
                {
                    lines.Add(line);
                    line = string.Empty;
                }

                line += piece;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    public void Dispose()
    {
        typeface.Dispose();
        font.Dispose();
        face.Dispose();
        blob.Dispose();
    }
}
