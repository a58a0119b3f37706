// Month names in the languages of the pages people archive (English, German, French, Spanish,
// Italian, Portuguese, Dutch, Polish, Czech, Turkish, Indonesian, Scandinavian, Hungarian,
// Russian), full and abbreviated, with the inflected forms dates use ("24 czerwca", "24 июня").

const MONTHS: readonly string[] = [
  'january jan januar jänner jaenner janvier enero ene gennaio gen janeiro januari januar stycznia styczeń styczen leden ledna ocak oca januári január января январь janv',
  'february feb februar feber février fevrier febrero febbraio fevereiro fev februari lutego luty únor unor února unora şubat subat şub februári február февраля февраль févr fevr',
  'march mar märz maerz mars marzo março marco maart marca marzec březen brezen března brezna mart maret március marcius марта март mrz',
  'april apr avril abril abr aprile aprilis kwietnia kwiecień kwiecien duben dubna nisan nis április aprilis апреля апрель avr',
  'may mai mayo maggio mag maio mei maja maj květen kveten května kvetna mayıs mayis május majus мая май',
  'june jun juni juin junio giugno giu junho juni czerwca czerwiec červen cerven června cervna haziran haz június junius июня июнь',
  'july jul juli juillet julio luglio lug julho juli lipca lipiec červenec cervenec července cervence temmuz tem július julius июля июль juil',
  'august aug august août aout agosto ago augustus sierpnia sierpień sierpien srpen srpna ağustos agustos ağu agustus augusztus августа август',
  'september sep sept september septembre septiembre setiembre settembre set setembro september września wrzesień wrzesien září zari eylül eylul eyl szeptember сентября сентябрь',
  'october oct oktober octobre octubre ottobre ott outubro out oktober października październik pazdziernik říjen rijen října rijna ekim eki október oktober октября октябрь okt',
  'november nov november novembre noviembre novembre novembro november listopada listopad listopadu kasım kasim kas november ноября ноябрь',
  'december dec dezember décembre decembre diciembre dic dicembre dezembro dez december grudnia grudzień grudzien prosinec prosince aralık aralik ara desember december декабря декабрь déc',
]

const BY_NAME = new Map<string, number>()
MONTHS.forEach((names, i) => {
  for (const name of names.split(' ')) if (!BY_NAME.has(name)) BY_NAME.set(name, i + 1)
})

/** 1–12 for a month name or abbreviation in any language above ("Juni", "sept.", "juin"). */
export function monthNumber(name: string): number | undefined {
  return BY_NAME.get(name.toLowerCase().replace(/\.$/, ''))
}

/** A regex alternation of every month name, longest first so "June" wins over "Jun". */
export const MONTH_NAME_PATTERN = [...BY_NAME.keys()]
  .sort((a, b) => b.length - a.length)
  .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  .join('|')
