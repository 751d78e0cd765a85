"""Given names from the 1990 US Census lists (public domain, US Census Bureau),
the 1000 most frequent of each list less words that are mostly something else.
Written by tools/given_names.py; do not edit by hand."""

CENSUS_FEMALE = frozenset(
    str.split("""
    abby abigail ada addie adela adele adeline adriana adrienne agnes aida aileen aimee
    aisha alana alba alberta alejandra alexandra alexandria alexis alfreda alice alicia
    aline alisa alisha alison alissa allie allison allyson alma alta althea alyce alyson
    alyssa amalia amanda amelia amie amparo amy ana anastasia andrea angela angelia angelica
    angelina angeline angelique angelita angie anita ann anna annabelle anne annette annie
    annmarie antoinette antonia araceli arlene arline ashlee ashley audra audrey augusta
    aurelia aurora ava avis barbara barbra beatrice beatriz becky belinda benita bernadette
    bernadine bernice berta bertha bertie beryl bessie beth bethany betsy bette bettie betty
    bettye beulah beverley beverly bianca billie blanca blanche bobbi bobbie bonita bonnie
    brandi brandie brandy brenda briana brianna bridget bridgett bridgette brigitte britney
    brittany brittney brooke caitlin callie camille candace candice candy cara carissa carla
    carlene carly carmela carmella carmen carol carole caroline carolyn carrie casandra
    cassandra cassie catalina catherine cathleen cathryn cathy cecelia cecile cecilia
    celeste celia celina chandra charity charlene charlotte charmaine chasity cheri cherie
    cheryl christa christi christie christina christine christy chrystal cindy claire clara
    clare clarice clarissa claudette claudia claudine cleo coleen colette colleen concepcion
    concetta connie constance consuelo cora corina corine corinne cornelia corrine courtney
    cristina cynthia daisy dana danielle daphne darcy darla darlene deana deann deanna
    deanne debbie debora deborah debra dee deena deidre deirdre delia della delores deloris
    dena denise desiree diana diane diann dianna dianne dina dionne dixie dollie dolly
    dolores dominique dona donna dora doreen doris dorothea dorothy dorthy earlene earline
    earnestine ebony edith edna edwina effie eileen elaine elba eleanor elena elinor elisa
    elisabeth elise eliza elizabeth ella ellen elma elnora eloise elsa elsie elva elvia
    elvira emilia emily emma enid erica ericka erika erin erma erna ernestine esmeralda
    esperanza essie estela estella estelle ester esther ethel etta eugenia eula eunice eva
    evangelina evangeline eve evelyn fannie fanny fay faye felecia felicia fern flora
    florine flossie fran frances francesca francine francisca freda freida frieda gabriela
    gabrielle gail gale gayle gena geneva genevieve georgette georgina geraldine gertrude
    gilda gina ginger gladys glenda glenna gloria goldie gracie graciela greta gretchen
    guadalupe gwen gwendolyn hallie hannah harriet harriett hattie hazel heather heidi helen
    helena helene helga henrietta herminia hilary hilda hillary hollie holly ida ila ilene
    imelda imogene ina ines inez ingrid irene irma isabel isabella isabelle iva jackie
    jacklyn jaclyn jacqueline jacquelyn jami jamie jan jana jane janell janelle janet
    janette janice janie janine janis janna jannie jasmine jayne jean jeanette jeanie
    jeanine jeanne jeannette jeannie jeannine jenifer jenna jennie jennifer jenny jeri jerri
    jessica jessie jewel jewell jill jillian joan joann joanna joanne jocelyn jodi jodie
    jody johanna jolene joni josefa josefina josephine josie joyce juana juanita judith judy
    julia juliana julianne julie juliet juliette justine kaitlin kara karen kari karin
    karina karla karyn kasey kate katelyn katharine katherine katheryn kathie kathleen
    kathrine kathryn kathy katie katina katrina katy kaye kayla keisha kelli kellie kelly
    kelsey kendra kenya keri kerri kim kimberley kimberly kirsten kitty kris krista kristen
    kristi kristie kristin kristina kristine kristy krystal lacey ladonna lakeisha lakisha
    lana latasha latisha latonya latoya laura laurel lauren lauri laurie laverne lavonne
    lawanda lea leah leann leanna leanne leigh leila lela lelia lena lenora lenore leola
    leona leonor lesa lesley leslie lessie leta letha leticia letitia lidia lila lilia
    lilian liliana lillian lillie lilly lina linda lindsay lindsey lisa liz liza lizzie lois
    lola lolita lora loraine lorena lorene loretta lori lorie lorna lorraine lorrie lottie
    lou louella louisa louise lourdes luann lucia lucile lucille lucinda lucy luella luisa
    lula lupe luz lydia lynda lynette lynn lynne lynnette mabel mable madeleine madeline
    madelyn madge mae magdalena maggie mai malinda mallory mamie mandy manuela mara marcella
    marci marcia marcie marcy margaret margarita margery margie margo margret marguerite
    mari maria marian mariana marianne maribel maricela marie marietta marilyn marina marion
    marisa marisol marissa maritza marjorie marla marlene marquita marsha marta martha
    martina marva mary maryann maryanne maryellen marylou matilda mattie maude maura maureen
    mavis maxine mayra meagan megan meghan melanie melba melinda melisa melissa melody melva
    mercedes meredith mia michele michelle milagros mildred millicent millie mindy minerva
    minnie miranda miriam misty mitzi mollie molly mona monica monique muriel myra myrna
    myrtle nadia nadine nancy nanette nannie naomi natalia natalie natasha nelda nell nellie
    nettie neva nichole nicole nikki nina nita noelle noemi nola nona nora noreen norma
    odessa ofelia ola olga olive olivia ollie opal ophelia ora paige pam pamela pansy
    patrica patrice patricia patsy patti patty paula paulette pauline pearl pearlie peggy
    penelope penny petra phoebe phyllis polly priscilla queen rachael rachel rachelle rae
    ramona randi raquel reba rebecca rebekah regina rena renee reva rhea rhoda rhonda rita
    robbie roberta robin robyn rochelle ronda rosa rosalie rosalind rosalinda rosalyn
    rosanna rosanne rosario roseann rosella rosemarie rosemary rosetta rosie roslyn rowena
    roxanne roxie ruby ruth ruthie sabrina sadie sallie sally samantha sandra sandy sara
    sarah sasha saundra savannah selena selma serena shana shanna shannon shari sharlene
    sharon sharron shauna shawna sheena sheila shelby shelia shelley shelly sheree sheri
    sherri sherrie sherry sheryl shirley silvia simone socorro sofia sondra sonia sonja
    sonya sophia sophie stacey staci stacie stacy stefanie stella stephanie susan susana
    susanna susanne susie suzanne suzette sybil sylvia tabatha tabitha tamara tameka tamera
    tami tamika tammi tammie tammy tamra tania tanisha tanya tara tasha teresa teri terra
    terri terrie tessa thelma theresa therese tia tiffany tina tisha toni tonia tonya tracey
    traci tracie tracy tricia trina trisha trudy twila ursula valarie valeria valerie
    vanessa velma vera verna veronica vicki vickie vicky vilma viola violet virgie vivian
    vonda wanda wendi wendy whitney wilda willa wilma winifred winnie yesenia yolanda yvette
    yvonne zelma
    """)
)
CENSUS_MALE = frozenset(
    str.split("""
    aaron abdul abe abel abraham adam adan adolfo adolph adrian agustin ahmad ahmed alan
    albert alberto alden aldo alec alejandro alex alexander alfonso alfonzo alfred alfredo
    ali allan alonzo alphonse alphonso alton alva alvaro alvin amado amos andre andres
    andrew andy angel angelo anibal anthony antoine anton antone antonio antony antwan
    archie ariel armand armando arnold arnulfo aron arron arthur arturo aubrey augustine
    augustus aurelio barney barry bart basil beau ben benito benjamin bennie benny bernard
    bernardo bernie bert billy blaine blake bobby boris brad bradley bradly branden brandon
    brant brendan brent brenton bret brett brian brice bruce bruno bryan bryce bryon bud
    buddy buford burl byron caleb calvin cameron carl carlo carlos carlton carmelo carmine
    cary casey cecil cedric cesar chad chadwick charles charley charlie chauncey chester chi
    chris christoper christopher chuck clair clarence claude claudio clayton cleveland cliff
    clifford clifton clint clinton clyde cody colby colin collin conrad corey cornelius cory
    coy craig curt curtis cyril cyrus dale damian damien damion damon dan dane danial daniel
    dannie danny dante daren darin dario darius darnell darrel darrell darren darrin darryl
    darwin daryl dave david dean deandre delbert delmar delmer demetrius denis dennis denny
    denver deon derek derick derrick desmond devin devon dewayne dewey dexter diego dino
    dion dirk domingo dominic dominick don donald donn donnell donnie donny dorian doug
    douglas duane dustin dusty dwayne dwight dylan earle earnest eddie eddy edgar edgardo
    edmond edmund eduardo edward edwardo edwin efrain efren elbert eldon eli elias elijah
    eliseo elliot elmer elmo eloy elton elvin elvis elwood emanuel emil emile emilio
    emmanuel emmett emory enrique eric erich erick erik ernest ernesto ernie errol ervin
    erwin esteban ethan eugene eugenio evan everett everette ezra fabian faustino federico
    felipe felix ferdinand fernando fidel floyd forest forrest francis francisco frankie
    franklin fred freddie freddy frederic frederick fredric fredrick gabriel galen garland
    garry garth gary gavin genaro gene geoffrey george gerald gerard gerardo german gerry
    gilbert gilberto gino giovanni glen glenn gonzalo gordon grady greg gregg gregorio
    gregory grover guillermo gus gustavo hal hank hans harlan harley harold harry harvey
    hector henry herbert heriberto herman herschel hershel hilario hiram homer horace
    horacio howard hubert hugh hugo humberto hung ian ignacio ira irvin irving isaac isaiah
    isiah isidro ismael issac ivan ivory jacob jacques jaime jake jamaal jamal jamar jame
    jamel james jared jarred jarrod jason jasper javier jay jayson jed jeff jefferey jeffery
    jeffrey jeffry jerald jeremiah jeremy jermaine jerold jerome jerrod jerrold jerry jess
    jesse jesus jim jimmie jimmy joaquin joe joel joesph joey john johnathan johnathon
    johnie johnnie johnny jon jonah jonas jonathan jonathon jorge jose josef joseph josh
    joshua josiah josue juan judson jules julian julio julius junior justin kareem karl
    keith kelvin ken kendall kendrick kenneth kennith kenny kent kenton kermit kerry keven
    kevin kieth kip kirk kory kristopher kurt kurtis kyle lamar lamont lance landon lanny
    larry laurence lavern lawrence lazaro leland lemuel lenard lenny leo leon leonard
    leonardo leonel leopoldo leroy les lester levi lincoln linwood lionel lloyd lon lonnie
    loren lorenzo louie louis lowell loyd luciano lucien lucio luis luke luther lyle lyman
    mac malcolm manuel marc marcel marcelino marcelo marco marcos marcus margarito mariano
    mario marlin marlon marquis marty marvin mathew matt matthew maurice mauricio mauro max
    mel melvin merle merlin mervin micah michael micheal michel mickey miguel mike milford
    millard milo milton mitch mitchel mohamed mohammad mohammed moises monte monty moses
    myron napoleon nathan nathaniel ned neil nestor nicholas nick nickolas nicolas nigel
    noah noe noel norbert norberto norman normand octavio odis olen olin omar orlando orval
    orville oscar osvaldo otis otto owen pablo pasquale patrick paul pedro percy pete peter
    phil philip phillip pierre porfirio preston quentin quincy quinton rafael ralph ramiro
    ramon randal randall randell randolph randy raphael raul raymond raymundo refugio reggie
    reginald reinaldo rene reuben rex reynaldo ricardo richard richie rick rickey rickie
    ricky rico rigoberto robby robert roberto robt rocco rocky rod roderick rodger rodney
    rodolfo rodrick rodrigo rogelio roger roland rolando rolland romeo ron ronald ronnie
    ronny roosevelt rory roscoe rosendo roy royce ruben rudolph rudy rufus rupert russ
    russel russell rusty ryan sal salvador salvatore sam sammie sammy samuel sang saul scot
    scott scottie scotty sean sebastian sergio seth shane shaun shawn sheldon sherman sidney
    silas sonny stan stanley stefan stephan stephen steve steven stevie stuart sung
    sylvester tad ted teddy terence terrance terrell terrence terry thad thaddeus thanh
    theodore theron thomas thurman tim timmy timothy toby tod todd tom tomas tommie tommy
    tony tory travis trent trenton trevor trey trinidad tristan troy truman tyler tyree
    tyrone tyson ulysses van vern vernon vicente victor vince vincent virgil vito wade waldo
    walter warren wayne weldon wendell wesley wilbert wilbur wilburn wilford wilfred
    wilfredo willard william willie wilmer wilton winfred winston woodrow xavier yong
    zachariah zachary zachery zane
    """)
)
