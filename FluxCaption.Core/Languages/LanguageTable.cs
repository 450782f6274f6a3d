namespace FluxCaption.Core.Languages;

/// <summary>One language of the table: its codes, how it is written and the English names it answers to.</summary>
internal sealed record LanguageEntry(
    string Tag,
    string? Iso6391,
    string Iso6392T,
    string Iso6392B,
    LanguageScript Script,
    IReadOnlyList<string> Names);

/// <summary>
/// The ISO 639-1 languages (plus the few 639-2-only languages subtitles carry) as data, parsed once.
/// Columns: 639-1 | 639-2/T | 639-2/B when it differs | script (L Latin, C Cyrillic, G Greek,
/// J CJK, R right-to-left, O other) | English names, the first one shown to users.
/// A "-" in the first column marks a language without a 639-1 code: its tag is the 639-2 code.
/// </summary>
internal static class LanguageTable
{
    private const string Data = """
        aa|aar||L|Afar
        ab|abk||C|Abkhazian;Abkhaz
        ae|ave||O|Avestan
        af|afr||L|Afrikaans
        ak|aka||L|Akan
        am|amh||O|Amharic
        an|arg||L|Aragonese
        ar|ara||R|Arabic
        as|asm||O|Assamese
        av|ava||C|Avaric;Avar
        ay|aym||L|Aymara
        az|aze||L|Azerbaijani;Azeri
        ba|bak||C|Bashkir
        be|bel||C|Belarusian;Belarusan
        bg|bul||C|Bulgarian
        bi|bis||L|Bislama
        bm|bam||L|Bambara
        bn|ben||O|Bengali;Bangla
        bo|bod|tib|O|Tibetan
        br|bre||L|Breton
        bs|bos||L|Bosnian
        ca|cat||L|Catalan;Valencian
        ce|che||C|Chechen
        ch|cha||L|Chamorro
        co|cos||L|Corsican
        cr|cre||O|Cree
        cs|ces|cze|L|Czech
        cu|chu||C|Church Slavonic;Church Slavic;Old Church Slavonic
        cv|chv||C|Chuvash
        cy|cym|wel|L|Welsh
        da|dan||L|Danish
        de|deu|ger|L|German
        dv|div||R|Divehi;Dhivehi;Maldivian
        dz|dzo||O|Dzongkha
        ee|ewe||L|Ewe
        el|ell|gre|G|Greek;Modern Greek
        en|eng||L|English
        eo|epo||L|Esperanto
        es|spa||L|Spanish;Castilian
        et|est||L|Estonian
        eu|eus|baq|L|Basque
        fa|fas|per|R|Persian;Farsi
        ff|ful||L|Fulah;Fula;Fulani
        fi|fin||L|Finnish
        fj|fij||L|Fijian
        fo|fao||L|Faroese
        fr|fra|fre|L|French
        fy|fry||L|Western Frisian;Frisian
        ga|gle||L|Irish;Irish Gaelic
        gd|gla||L|Scottish Gaelic;Gaelic
        gl|glg||L|Galician
        gn|grn||L|Guarani
        gu|guj||O|Gujarati
        gv|glv||L|Manx
        ha|hau||L|Hausa
        he|heb||R|Hebrew
        hi|hin||O|Hindi
        ho|hmo||L|Hiri Motu
        hr|hrv||L|Croatian
        ht|hat||L|Haitian Creole;Haitian
        hu|hun||L|Hungarian
        hy|hye|arm|O|Armenian
        hz|her||L|Herero
        ia|ina||L|Interlingua
        id|ind||L|Indonesian
        ie|ile||L|Interlingue;Occidental
        ig|ibo||L|Igbo
        ii|iii||O|Sichuan Yi;Nuosu
        ik|ipk||L|Inupiaq
        io|ido||L|Ido
        is|isl|ice|L|Icelandic
        it|ita||L|Italian
        iu|iku||O|Inuktitut
        ja|jpn||J|Japanese
        jv|jav||L|Javanese
        ka|kat|geo|O|Georgian
        kg|kon||L|Kongo
        ki|kik||L|Kikuyu;Gikuyu
        kj|kua||L|Kuanyama;Kwanyama
        kk|kaz||C|Kazakh
        kl|kal||L|Kalaallisut;Greenlandic
        km|khm||O|Khmer;Cambodian
        kn|kan||O|Kannada
        ko|kor||J|Korean
        kr|kau||L|Kanuri
        ks|kas||R|Kashmiri
        ku|kur||L|Kurdish
        kv|kom||C|Komi
        kw|cor||L|Cornish
        ky|kir||C|Kyrgyz;Kirghiz
        la|lat||L|Latin
        lb|ltz||L|Luxembourgish;Letzeburgesch
        lg|lug||L|Ganda;Luganda
        li|lim||L|Limburgish;Limburgan
        ln|lin||L|Lingala
        lo|lao||O|Lao;Laotian
        lt|lit||L|Lithuanian
        lu|lub||L|Luba-Katanga
        lv|lav||L|Latvian
        mg|mlg||L|Malagasy
        mh|mah||L|Marshallese
        mi|mri|mao|L|Maori
        mk|mkd|mac|C|Macedonian
        ml|mal||O|Malayalam
        mn|mon||C|Mongolian
        mr|mar||O|Marathi
        ms|msa|may|L|Malay
        mt|mlt||L|Maltese
        my|mya|bur|O|Burmese;Myanmar
        na|nau||L|Nauru;Nauruan
        nb|nob||L|Norwegian Bokmål;Bokmål
        nd|nde||L|North Ndebele
        ne|nep||O|Nepali
        ng|ndo||L|Ndonga
        nl|nld|dut|L|Dutch;Flemish
        nn|nno||L|Norwegian Nynorsk;Nynorsk
        no|nor||L|Norwegian
        nr|nbl||L|South Ndebele
        nv|nav||L|Navajo;Navaho
        ny|nya||L|Chichewa;Nyanja;Chewa
        oc|oci||L|Occitan
        oj|oji||O|Ojibwe;Ojibwa
        om|orm||L|Oromo
        or|ori||O|Odia;Oriya
        os|oss||C|Ossetian;Ossetic
        pa|pan||O|Punjabi;Panjabi
        pi|pli||O|Pali
        pl|pol||L|Polish
        ps|pus||R|Pashto;Pushto
        pt|por||L|Portuguese
        qu|que||L|Quechua
        rm|roh||L|Romansh;Romansch
        rn|run||L|Rundi;Kirundi
        ro|ron|rum|L|Romanian;Moldavian;Moldovan
        ru|rus||C|Russian
        rw|kin||L|Kinyarwanda
        sa|san||O|Sanskrit
        sc|srd||L|Sardinian
        sd|snd||R|Sindhi
        se|sme||L|Northern Sami
        sg|sag||L|Sango
        si|sin||O|Sinhala;Sinhalese
        sk|slk|slo|L|Slovak
        sl|slv||L|Slovenian;Slovene
        sm|smo||L|Samoan
        sn|sna||L|Shona
        so|som||L|Somali
        sq|sqi|alb|L|Albanian
        sr|srp||C|Serbian
        ss|ssw||L|Swati;Swazi
        st|sot||L|Southern Sotho;Sesotho
        su|sun||L|Sundanese
        sv|swe||L|Swedish
        sw|swa||L|Swahili
        ta|tam||O|Tamil
        te|tel||O|Telugu
        tg|tgk||C|Tajik
        th|tha||O|Thai
        ti|tir||O|Tigrinya
        tk|tuk||L|Turkmen
        tl|tgl||L|Tagalog
        tn|tsn||L|Tswana;Setswana
        to|ton||L|Tongan;Tonga
        tr|tur||L|Turkish
        ts|tso||L|Tsonga
        tt|tat||C|Tatar
        tw|twi||L|Twi
        ty|tah||L|Tahitian
        ug|uig||R|Uyghur;Uighur
        uk|ukr||C|Ukrainian
        ur|urd||R|Urdu
        uz|uzb||L|Uzbek
        ve|ven||L|Venda
        vi|vie||L|Vietnamese
        vo|vol||L|Volapük
        wa|wln||L|Walloon
        wo|wol||L|Wolof
        xh|xho||L|Xhosa
        yi|yid||R|Yiddish
        yo|yor||L|Yoruba
        za|zha||L|Zhuang
        zh|zho|chi|J|Chinese
        zu|zul||L|Zulu
        -|fil||L|Filipino
        -|ast||L|Asturian
        -|haw||L|Hawaiian
        """;

    public static IReadOnlyList<LanguageEntry> Entries { get; } = Parse();

    private static List<LanguageEntry> Parse()
    {
        var entries = new List<LanguageEntry>();
        foreach (var line in Data.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var columns = line.Split('|');
            var iso6391 = columns[0] == "-" ? null : columns[0];
            var iso6392T = columns[1];
            entries.Add(new LanguageEntry(
                Tag: iso6391 ?? iso6392T,
                Iso6391: iso6391,
                Iso6392T: iso6392T,
                Iso6392B: columns[2].Length > 0 ? columns[2] : iso6392T,
                Script: ParseScript(columns[3]),
                Names: columns[4].Split(';')));
        }

        return entries;
    }

    private static LanguageScript ParseScript(string letter) => letter switch
    {
        "L" => LanguageScript.Latin,
        "C" => LanguageScript.Cyrillic,
        "G" => LanguageScript.Greek,
        "J" => LanguageScript.Cjk,
        "R" => LanguageScript.RightToLeft,
        "O" => LanguageScript.Other,
        _ => throw new InvalidOperationException($"Language table script letter '{letter}' is not one of L C G J R O."),
    };
}
