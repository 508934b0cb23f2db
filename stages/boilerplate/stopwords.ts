// English function words for the paragraph classifier's stopword density (jusText's main signal:
// running prose is about 40% function words, menus and headlines far fewer). Lower case, one word each.
export const ENGLISH_STOPWORDS: ReadonlyArray<string> = `
a about above across after afterwards again against all almost alone along already also although always am
among amongst an and another any anyhow anyone anything anyway anywhere are around as at back be became because
become becomes becoming been before beforehand behind being below beside besides between beyond both but by can
cannot could did do does doing done down due during each either else elsewhere enough even ever every everyone
everything everywhere except few for former formerly from further had has have having he hence her here hereafter
hereby herein hers herself him himself his how however i if in indeed into is it its itself just last latter
least less made make many may me meanwhile might mine more moreover most mostly much must my myself neither never
nevertheless next no nobody none noone nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps please rather re same seem seemed seeming seems several
she should since so some somehow someone something sometime sometimes somewhere still such than that the their
theirs them themselves then thence there thereafter thereby therefore therein thereupon these they this those
though through throughout thru thus to together too toward towards under until up upon us very via was we well
were what whatever when whence whenever where whereafter whereas whereby wherein whereupon wherever whether which
while whither who whoever whole whom whose why will with within without would yet you your yours yourself
yourselves said says say told according would've it's he's she's that's there's they're we're i'm don't doesn't
didn't isn't wasn't aren't weren't won't can't couldn't shouldn't wouldn't has been also who've let's
`.split(/\s+/).filter((w) => w.length > 0)

// Function words of other languages news pages come in, so the classifier can use jusText's main
// signal beyond English: the list under which a page's long paragraphs score highest is the one used.
const list = (s: string): ReadonlyArray<string> => s.split(/\s+/).filter((w) => w.length > 0)

export const FRENCH_STOPWORDS = list(`
a à afin ai aie ainsi alors au aucun aucune aussi autre autres aux avait avant avec avoir c ce ceci cela celle
celles celui cependant ces cet cette ceux chaque chez comme comment d dans de des deux devait doit donc dont du
elle elles en encore entre est et été être eu eux fait faut il ils j je jusqu l la le les leur leurs lors lorsque
lui m mais me même mes moi moins n ne ni non nos notre nous on ont ou où par parce pas peu peut plus pour pourquoi
qu quand que quel quelle quelles quels qui s sa sans se selon ser sera seront ses si sien son sont sous sur t ta
tant te tes toi ton tous tout toute toutes très tu un une vers vos votre vous y qu'il qu'elle c'est d'un d'une l'on
n'est s'est`)

export const GERMAN_STOPWORDS = list(`
aber als also am an auch auf aus bei beim bin bis bist da damit dann das dass dem den denen denn der des dessen
die dies diese diesem diesen dieser dieses doch dort du durch ein eine einem einen einer eines er es etwa euch
für gegen gewesen hab habe haben hat hatte hatten hier hin ich ihm ihn ihnen ihr ihre im in indem ins ist ja
jede jedem jeden jeder jedoch jetzt kann kein keine können könnte machen man mehr mein meine mit muss nach nicht
nichts noch nun nur ob oder ohne schon sehr sei sein seine seit sich sie sind so soll sollen sondern über um und
uns unser unter viel vom von vor wann war waren warum was weil weiter welche wenn wer werden wie wieder will wir
wird wo worden würde zu zum zur zwar zwischen`)

export const SPANISH_STOPWORDS = list(`
a al algo algunos ante antes aquí así aunque cada como con contra cual cuando de del desde donde dos el él ella
ellos en entre era es esa ese eso esta está están este esto fue fueron ha había han hasta hay la las le les lo
los más me mi muy nada ni no nos o otra otro otros para pero poco por porque que quien se sea según ser si sí
sido sin sobre son su sus también tan te tiene todo todos tu un una unas uno unos y ya`)

export const ITALIAN_STOPWORDS = list(`
a ad agli al alla alle allo anche ancora avere che chi ci come con contro cui da dai dal dalla dalle degli dei del
della delle dello di dopo dove e è ed era essere fa fra gli ha hanno i il in io la le lei lo loro lui ma mi molto
ne nei nel nella nelle nello noi non o per perché più poi quale quando quella quelle quello questa queste questo
se si sia sono su sua sue sui sul sulla suo suoi tra tutti tutto un una uno`)

export const PORTUGUESE_STOPWORDS = list(`
a à ao aos as às até com como da das de dela dele depois do dos e é ela ele eles em entre era essa esse esta está
este eu foi foram há isso isto já lhe mais mas me mesmo muito na não nas nem no nos nós o os ou para pela pelo
por quando que quem se sem ser seu seus só sua suas também te tem um uma umas uns`)

export const DUTCH_STOPWORDS = list(`
aan al als bij dan dat de der deze die dit doch door dus een en er ge geen haar had heb hebben heeft hem het hier
hij hoe hun ik in is ja je kan kon maar me meer men met mij mijn na naar niet niets nog nu of om omdat ons ook op
over reeds te tegen toch toen tot u uit van veel voor want waren was wat we wel werd wie wij wordt zal ze zei zich
zij zijn zo zou`)

export const OTHER_STOPWORD_LISTS: ReadonlyArray<ReadonlyArray<string>> = [
  FRENCH_STOPWORDS,
  GERMAN_STOPWORDS,
  SPANISH_STOPWORDS,
  ITALIAN_STOPWORDS,
  PORTUGUESE_STOPWORDS,
  DUTCH_STOPWORDS
]
