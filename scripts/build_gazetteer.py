"""Writes ``python/tidings/data/gazetteer.tsv`` from the lists below.

The lists are general knowledge (country names, capitals, demonyms, well-known organisations),
written for tidings; nothing is derived from CoNLL or other evaluation data. Run:

    python scripts/build_gazetteer.py

Columns of the TSV: surface form, label (PERSON, ORG, LOC, NORP), canonical name, flags
(``country`` marks countries; ``ambiguous``: a common word or first name; it informs the model
and canonical names but never
makes a mention by itself; ``club``: a team named like a place or a common word, matched only
in sports reports and kept apart from the other rows).
"""

from __future__ import annotations

from pathlib import Path

# Country | other names | demonyms (adjective;plural...) | capital and large cities
COUNTRIES = """
Afghanistan||Afghan;Afghans;Afghani|Kabul;Kandahar;Herat;Mazar-i-Sharif;Jalalabad
Albania||Albanian;Albanians|Tirana
Algeria||Algerian;Algerians|Algiers;Oran
Andorra||Andorran|Andorra la Vella
Angola||Angolan;Angolans|Luanda
Argentina||Argentine;Argentinian;Argentines;Argentinians|Buenos Aires;Cordoba;Rosario
Armenia||Armenian;Armenians|Yerevan
Australia||Australian;Australians|Canberra;Sydney;Melbourne;Brisbane;Perth;Adelaide
Austria||Austrian;Austrians|Vienna;Salzburg
Azerbaijan||Azerbaijani;Azeri;Azerbaijanis;Azeris|Baku
Bahamas|The Bahamas|Bahamian;Bahamians|Nassau
Bahrain||Bahraini;Bahrainis|Manama
Bangladesh||Bangladeshi;Bangladeshis|Dhaka;Chittagong
Barbados||Barbadian|Bridgetown
Belarus||Belarusian;Belarusians|Minsk
Belgium||Belgian;Belgians|Brussels;Antwerp
Belize||Belizean|Belmopan
Benin||Beninese|Porto-Novo;Cotonou
Bhutan||Bhutanese|Thimphu
Bolivia||Bolivian;Bolivians|La Paz;Sucre;Santa Cruz
Bosnia and Herzegovina|Bosnia;Bosnia-Herzegovina|Bosnian;Bosnians|Sarajevo
Botswana||Botswanan|Gaborone
Brazil||Brazilian;Brazilians|Brasilia;Sao Paulo;São Paulo;Rio de Janeiro;Salvador
Brunei||Bruneian|Bandar Seri Begawan
Bulgaria||Bulgarian;Bulgarians|Sofia
Burkina Faso||Burkinabe|Ouagadougou
Burundi||Burundian;Burundians|Bujumbura;Gitega
Cambodia||Cambodian;Cambodians|Phnom Penh
Cameroon||Cameroonian;Cameroonians|Yaounde;Douala
Canada||Canadian;Canadians|Ottawa;Toronto;Montreal;Vancouver;Calgary;Quebec
Cape Verde|Cabo Verde|Cape Verdean|Praia
Central African Republic||Central African|Bangui
Chad||Chadian;Chadians|N'Djamena
Chile||Chilean;Chileans|Santiago
China|People's Republic of China;PRC|Chinese|Beijing;Shanghai;Guangzhou;Shenzhen;Wuhan;Chongqing;Tianjin;Hong Kong;Macau
Colombia||Colombian;Colombians|Bogota;Bogotá;Medellin;Cali
Comoros||Comoran|Moroni
Congo|Republic of the Congo;Congo-Brazzaville|Congolese|Brazzaville
Democratic Republic of the Congo|DR Congo;DRC;Congo-Kinshasa;Democratic Republic of Congo||Kinshasa;Goma;Lubumbashi
Costa Rica||Costa Rican;Costa Ricans|San Jose
Croatia||Croatian;Croat;Croatians;Croats|Zagreb
Cuba||Cuban;Cubans|Havana
Cyprus||Cypriot;Cypriots|Nicosia
Czech Republic|Czechia|Czech;Czechs|Prague
Denmark||Danish;Dane;Danes|Copenhagen
Djibouti||Djiboutian|Djibouti City
Dominican Republic||Dominican;Dominicans|Santo Domingo
Ecuador||Ecuadorean;Ecuadorian;Ecuadoreans|Quito;Guayaquil
Egypt||Egyptian;Egyptians|Cairo;Alexandria;Giza;Sharm el-Sheikh
El Salvador||Salvadoran;Salvadorans|San Salvador
Equatorial Guinea||Equatoguinean|Malabo
Eritrea||Eritrean;Eritreans|Asmara
Estonia||Estonian;Estonians|Tallinn
Eswatini|Swaziland|Swazi|Mbabane
Ethiopia||Ethiopian;Ethiopians|Addis Ababa
Fiji||Fijian;Fijians|Suva
Finland||Finnish;Finn;Finns|Helsinki
France||French;Frenchman|Paris;Marseille;Lyon;Toulouse;Nice;Strasbourg;Bordeaux
Gabon||Gabonese|Libreville
Gambia|The Gambia|Gambian|Banjul
Georgia||Georgian;Georgians|Tbilisi
Germany||German;Germans|Berlin;Munich;Hamburg;Frankfurt;Cologne;Bonn;Stuttgart;Dusseldorf
Ghana||Ghanaian;Ghanaians|Accra;Kumasi
Greece||Greek;Greeks|Athens;Thessaloniki
Guatemala||Guatemalan;Guatemalans|Guatemala City
Guinea||Guinean;Guineans|Conakry
Guinea-Bissau||Bissau-Guinean|Bissau
Guyana||Guyanese|Georgetown
Haiti||Haitian;Haitians|Port-au-Prince
Honduras||Honduran;Hondurans|Tegucigalpa
Hungary||Hungarian;Hungarians|Budapest
Iceland||Icelandic;Icelander;Icelanders|Reykjavik
India||Indian;Indians|New Delhi;Delhi;Mumbai;Bombay;Kolkata;Calcutta;Chennai;Madras;Bangalore;Bengaluru;Hyderabad;Ahmedabad;Srinagar
Indonesia||Indonesian;Indonesians|Jakarta;Surabaya;Bali;Aceh
Iran|Islamic Republic of Iran|Iranian;Iranians;Persian|Tehran;Teheran;Isfahan;Mashhad;Tabriz;Shiraz;Qom
Iraq||Iraqi;Iraqis|Baghdad;Basra;Mosul;Kirkuk;Fallujah;Falluja;Tikrit;Ramadi;Najaf;Karbala;Erbil;Irbil
Ireland|Republic of Ireland|Irish;Irishman|Dublin;Cork
Israel||Israeli;Israelis|Jerusalem;Tel Aviv;Haifa
Italy||Italian;Italians|Rome;Milan;Naples;Turin;Florence;Venice;Palermo;Genoa
Ivory Coast|Cote d'Ivoire;Côte d'Ivoire|Ivorian;Ivorians|Abidjan;Yamoussoukro
Jamaica||Jamaican;Jamaicans|Kingston
Japan||Japanese|Tokyo;Osaka;Kyoto;Yokohama;Hiroshima;Nagasaki;Fukushima
Jordan||Jordanian;Jordanians|Amman
Kazakhstan||Kazakh;Kazakhs;Kazakhstani|Astana;Almaty;Nur-Sultan
Kenya||Kenyan;Kenyans|Nairobi;Mombasa
Kosovo||Kosovar;Kosovars|Pristina
Kuwait||Kuwaiti;Kuwaitis|Kuwait City
Kyrgyzstan||Kyrgyz|Bishkek
Laos||Lao;Laotian|Vientiane
Latvia||Latvian;Latvians|Riga
Lebanon||Lebanese|Beirut;Tripoli;Sidon;Tyre
Lesotho||Basotho|Maseru
Liberia||Liberian;Liberians|Monrovia
Libya||Libyan;Libyans|Tripoli;Benghazi;Misrata;Sirte
Liechtenstein||Liechtensteiner|Vaduz
Lithuania||Lithuanian;Lithuanians|Vilnius
Luxembourg||Luxembourger|Luxembourg City
Madagascar||Malagasy|Antananarivo
Malawi||Malawian;Malawians|Lilongwe
Malaysia||Malaysian;Malaysians|Kuala Lumpur
Maldives||Maldivian|Male
Mali||Malian;Malians|Bamako;Timbuktu
Malta||Maltese|Valletta
Mauritania||Mauritanian;Mauritanians|Nouakchott
Mauritius||Mauritian|Port Louis
Mexico||Mexican;Mexicans|Mexico City;Guadalajara;Monterrey;Tijuana
Moldova||Moldovan;Moldovans|Chisinau
Monaco||Monegasque|Monte Carlo
Mongolia||Mongolian;Mongolians|Ulan Bator;Ulaanbaatar
Montenegro||Montenegrin|Podgorica
Morocco||Moroccan;Moroccans|Rabat;Casablanca;Marrakech
Mozambique||Mozambican;Mozambicans|Maputo
Myanmar|Burma|Burmese;Myanmarese|Naypyidaw;Yangon;Rangoon;Mandalay
Namibia||Namibian;Namibians|Windhoek
Nepal||Nepali;Nepalese|Kathmandu
Netherlands|The Netherlands;Holland|Dutch|Amsterdam;The Hague;Rotterdam
New Zealand||New Zealander;New Zealanders|Wellington;Auckland;Christchurch
Nicaragua||Nicaraguan;Nicaraguans|Managua
Niger||Nigerien;Nigeriens|Niamey
Nigeria||Nigerian;Nigerians|Abuja;Lagos;Kano;Maiduguri
North Korea|Democratic People's Republic of Korea;DPRK|North Korean;North Koreans|Pyongyang
North Macedonia|Macedonia|Macedonian;Macedonians|Skopje
Norway||Norwegian;Norwegians|Oslo
Oman||Omani;Omanis|Muscat
Pakistan||Pakistani;Pakistanis|Islamabad;Karachi;Lahore;Peshawar;Quetta;Rawalpindi;Multan
Palestine|Palestinian territories;Palestinian Territories|Palestinian;Palestinians|Ramallah;Gaza;Gaza Strip;West Bank;East Jerusalem;Hebron;Nablus;Jenin
Panama||Panamanian;Panamanians|Panama City
Papua New Guinea||Papua New Guinean|Port Moresby
Paraguay||Paraguayan;Paraguayans|Asuncion
Peru||Peruvian;Peruvians|Lima
Philippines|The Philippines|Filipino;Filipinos;Philippine|Manila;Davao;Mindanao;Cebu
Poland||Polish;Pole;Poles|Warsaw;Krakow;Gdansk
Portugal||Portuguese|Lisbon;Porto
Qatar||Qatari;Qataris|Doha
Romania||Romanian;Romanians|Bucharest
Russia|Russian Federation|Russian;Russians|Moscow;St. Petersburg;Saint Petersburg;Novosibirsk;Chechnya;Grozny;Crimea;Sevastopol;Vladivostok
Rwanda||Rwandan;Rwandans|Kigali
Saudi Arabia||Saudi;Saudis;Saudi Arabian|Riyadh;Jeddah;Mecca;Medina
Senegal||Senegalese|Dakar
Serbia||Serbian;Serb;Serbs;Serbians|Belgrade
Sierra Leone||Sierra Leonean|Freetown
Singapore||Singaporean;Singaporeans|
Slovakia||Slovak;Slovaks;Slovakian|Bratislava
Slovenia||Slovenian;Slovene;Slovenians|Ljubljana
Somalia||Somali;Somalis|Mogadishu;Kismayo
South Africa||South African;South Africans|Pretoria;Johannesburg;Cape Town;Durban
South Korea|Republic of Korea|South Korean;South Koreans|Seoul;Busan;Pusan
South Sudan||South Sudanese|Juba
Spain||Spanish;Spaniard;Spaniards|Madrid;Barcelona;Valencia;Seville;Bilbao
Sri Lanka||Sri Lankan;Sri Lankans|Colombo
Sudan||Sudanese|Khartoum;Darfur
Suriname||Surinamese|Paramaribo
Sweden||Swedish;Swede;Swedes|Stockholm;Gothenburg
Switzerland||Swiss|Bern;Berne;Geneva;Zurich;Lausanne;Davos
Syria|Syrian Arab Republic|Syrian;Syrians|Damascus;Aleppo;Homs;Hama;Raqqa;Idlib;Palmyra;Deir ez-Zor;Latakia;Daraa
Taiwan||Taiwanese|Taipei
Tajikistan||Tajik;Tajiks|Dushanbe
Tanzania||Tanzanian;Tanzanians|Dodoma;Dar es Salaam;Zanzibar
Thailand||Thai;Thais|Bangkok
Togo||Togolese|Lome
Trinidad and Tobago||Trinidadian|Port of Spain
Tunisia||Tunisian;Tunisians|Tunis
Turkey|Turkiye;Türkiye|Turkish;Turk;Turks|Ankara;Istanbul;Izmir
Turkmenistan||Turkmen|Ashgabat
Uganda||Ugandan;Ugandans|Kampala
Ukraine||Ukrainian;Ukrainians|Kiev;Kyiv;Kharkiv;Kharkov;Odessa;Donetsk;Luhansk;Lviv
United Arab Emirates|UAE;U.A.E.;Emirates|Emirati;Emiratis|Abu Dhabi;Dubai;Sharjah
United Kingdom|UK;U.K.;Britain;Great Britain|British;Briton;Britons;Brit;Brits|London;Manchester;Birmingham;Liverpool;Glasgow;Edinburgh;Leeds;Belfast;Cardiff
United States|U.S.;US;USA;U.S.A.;United States of America;America|American;Americans|Washington;New York;New York City;Los Angeles;Chicago;Houston;San Francisco;Boston;Miami;Philadelphia;Seattle;Atlanta;Dallas;Detroit;Las Vegas;New Orleans;Denver;Phoenix;San Diego
Uruguay||Uruguayan;Uruguayans|Montevideo
Uzbekistan||Uzbek;Uzbeks|Tashkent
Vatican|Vatican City;Holy See||
Venezuela||Venezuelan;Venezuelans|Caracas
Vietnam|Viet Nam|Vietnamese|Hanoi;Ho Chi Minh City;Saigon
Yemen||Yemeni;Yemenis|Sanaa;Sana'a;Aden;Hodeidah
Zambia||Zambian;Zambians|Lusaka
Zimbabwe||Zimbabwean;Zimbabweans|Harare;Bulawayo
England||English|
Scotland||Scottish;Scot;Scots|
Wales||Welsh|
Northern Ireland||Northern Irish|
Kurdistan|Iraqi Kurdistan|Kurdish;Kurd;Kurds|
Tibet||Tibetan;Tibetans|Lhasa
Europe||European;Europeans|
Africa||African;Africans|
Asia||Asian;Asians|
Latin America||Latin American;Latin Americans|
Middle East|Mideast|Middle Eastern|
"""

# Regions, seas and other places (LOC).
PLACES = """
Gulf|Persian Gulf|Arabian Peninsula|Horn of Africa|Balkans|Caucasus|Sahara|Sahel|Kashmir|Gaza Strip|Golan Heights|
Sinai|Red Sea|Mediterranean|Black Sea|Caspian Sea|Baltic|Atlantic|Pacific|Indian Ocean|Arctic|Antarctica|
South China Sea|Taiwan Strait|Strait of Hormuz|Suez Canal|Nile|Euphrates|Tigris|Himalayas|Alps|North America|
South America|Central America|Caribbean|Southeast Asia|Central Asia|East Asia|South Asia|West Africa|East Africa|
North Africa|Western Europe|Eastern Europe|Scandinavia|Siberia|Pearl Harbor|Guantanamo|Guantanamo Bay|Hong Kong|
California|Texas|Florida|New Jersey|Virginia|Massachusetts|Illinois|Ohio|Michigan|Pennsylvania|Arizona|Nevada|
Oregon|Colorado|Louisiana|Alaska|Hawaii|Puerto Rico|Quebec|Ontario|Bavaria|Catalonia|Punjab|Balochistan|
Baluchistan|Waziristan|North Waziristan|South Waziristan|Helmand|Swat|Kurdistan|Anbar|Xinjiang|Gujarat|Kerala|
Tamil Nadu|Chechnya|Dagestan|Darfur|Mindanao|Borneo|Sumatra|Java|Bali|Crimea|Donbas|Abkhazia|South Ossetia|
Nagorno-Karabakh|Western Sahara|Greenland|Silicon Valley|Wall Street|White House|Kremlin|Pentagon|Downing Street|
Westminster|Whitehall|Holyrood|Capitol Hill|Elysee|Zhongnanhai|Fleet Street
"""

# More places: US states, provinces and large cities of the world (LOC, canonical = itself).
MORE_PLACES = """
Oval|The Oval|Lord's|Headingley|Edgbaston|Trent Bridge|Old Trafford|Tunbridge Wells|Chester-le-Street|Hove|Stansted|
Heathrow|Gatwick|Spitzbergen|Svalbard|Northern Cape|Eastern Cape|Western Cape|KwaZulu-Natal|Gauteng|Calif|Calif.|Fla|Fla.|
Mich|Mich.|Ariz|Ariz.|Tex.|Conn.|N.J.|N.Y.|Pa.|Ga.|Va.|Md.|Minn.|Wis.|Colo.|Okla.|Tenn.|Ala.|Nev.|
St Louis|Alabama|Arkansas|Connecticut|Delaware|Idaho|Indiana|Iowa|Kansas|Kentucky|Maine|Maryland|Minnesota|Mississippi|
Missouri|Montana|Nebraska|New Hampshire|New Mexico|North Carolina|North Dakota|Oklahoma|Rhode Island|
South Carolina|South Dakota|Tennessee|Utah|Vermont|West Virginia|Wisconsin|Wyoming|Washington State|
British Columbia|Alberta|Manitoba|Saskatchewan|Nova Scotia|New Brunswick|Newfoundland|Queensland|
New South Wales|Tasmania|Victoria|South Australia|Western Australia|Northern Territory|Lombardy|Sicily|Sardinia|
Corsica|Brittany|Normandy|Provence|Andalusia|Galicia|Flanders|Wallonia|Saxony|Silesia|Transylvania|Anatolia|
Kurdistan Region|Kashmir Valley|Jammu|Assam|Bihar|Uttar Pradesh|Maharashtra|West Bengal|Karnataka|Sindh|
Khyber Pakhtunkhwa|Mosul Dam|Tibet Autonomous Region|Guangdong|Sichuan|Yunnan|Hubei|Fujian|Inner Mongolia|
Manchuria|Okinawa|Hokkaido|Kyushu|Luzon|Mindoro|Java Sea|Gulf of Mexico|Gulf of Aden|Bay of Bengal|Adriatic|
Aegean|North Sea|English Channel|Lake Victoria|Amazon|Danube|Rhine|Mekong|Yangtze|Ganges|Indus|Jordan River|
Mount Everest|Kilimanjaro|Andes|Rockies|Urals|Pyrenees|Carpathians|Hindu Kush|Tora Bora|Negev|Galilee|
West Indies|Latin America|Indochina|Oceania|Polynesia|Melanesia|Micronesia|Balkan|Levant|Maghreb|
Milwaukee|Minneapolis|St. Louis|Kansas City|Cleveland|Cincinnati|Pittsburgh|Baltimore|Tampa|Orlando|Charlotte|
Nashville|Memphis|Indianapolis|Columbus|Milwaukee|Oakland|Sacramento|San Jose|Portland|Salt Lake City|
Albuquerque|Austin|San Antonio|Fort Worth|El Paso|Oklahoma City|Omaha|Buffalo|Rochester|Albany|Hartford|
Providence|Newark|Jersey City|Richmond|Raleigh|Atlanta|Anchorage|Honolulu|Montgomery|Little Rock|Des Moines|
Toronto|Winnipeg|Edmonton|Halifax|Marseilles|Lille|Nantes|Montpellier|Rennes|Grenoble|Dortmund|Essen|Leipzig|
Dresden|Hanover|Hannover|Nuremberg|Bremen|Mannheim|Rotterdam|Utrecht|Eindhoven|Antwerp|Ghent|Liege|Bruges|
Geneva|Basel|Lugano|Innsbruck|Graz|Linz|Turin|Bologna|Verona|Bari|Catania|Cagliari|Seville|Malaga|Zaragoza|
Valencia|Bilbao|Porto|Coimbra|Glasgow|Aberdeen|Dundee|Bristol|Sheffield|Newcastle|Nottingham|Leicester|
Southampton|Portsmouth|Oxford|Cambridge|Brighton|Coventry|Bradford|Hull|Plymouth|Swansea|Derry|Limerick|Galway|
Gdansk|Wroclaw|Poznan|Lodz|Krakow|Brno|Ostrava|Kosice|Debrecen|Szeged|Cluj|Timisoara|Constanta|Varna|Plovdiv|
Split|Dubrovnik|Mostar|Banja Luka|Novi Sad|Nis|Thessaloniki|Patras|Heraklion|Izmir|Bursa|Antalya|Adana|
Diyarbakir|Gaziantep|Konya|Trabzon|St Petersburg|Yekaterinburg|Nizhny Novgorod|Kazan|Samara|Omsk|Rostov|Ufa|
Krasnoyarsk|Perm|Volgograd|Voronezh|Murmansk|Kaliningrad|Irkutsk|Khabarovsk|Minsk|Kharkiv|Dnipro|Zaporizhzhia|
Mariupol|Tbilisi|Batumi|Yerevan|Baku|Tashkent|Samarkand|Bishkek|Almaty|Dushanbe|Ashgabat|Mumbai|Pune|Surat|
Jaipur|Lucknow|Kanpur|Nagpur|Patna|Bhopal|Amritsar|Varanasi|Agra|Goa|Kabul|Ghazni|Kunduz|Lashkar Gah|Khost|
Faisalabad|Hyderabad|Sialkot|Abbottabad|Gwadar|Chittagong|Khulna|Kandy|Jaffna|Yangon|Chiang Mai|Phuket|
Pattaya|Siem Reap|Da Nang|Hue|Haiphong|Penang|Johor|Kota Kinabalu|Medan|Bandung|Semarang|Makassar|Yogyakarta|
Quezon City|Cebu City|Zamboanga|Kaohsiung|Taichung|Incheon|Daegu|Gwangju|Daejeon|Ulsan|Pohang|Kobe|Nagoya|
Sapporo|Fukuoka|Sendai|Kawasaki|Harbin|Shenyang|Dalian|Qingdao|Jinan|Nanjing|Hangzhou|Suzhou|Xiamen|Changsha|
Chengdu|Kunming|Lanzhou|Urumqi|Xian|Xi'an|Zhengzhou|Hefei|Nanning|Guiyang|Lhasa|Macao|Jeddah|Dammam|Tabuk|
Basra|Sulaimaniya|Sulaymaniyah|Samarra|Baquba|Kut|Nasiriya|Amara|Ramadi|Latakia|Tartus|Deir al-Zor|Qamishli|
Kobani|Manbij|Afrin|Jerablus|Zabadani|Douma|Ghouta|Eastern Ghouta|Quneitra|Suwayda|Tyre|Baalbek|Zahle|Aqaba|
Irbid|Zarqa|Eilat|Ashdod|Ashkelon|Beersheba|Netanya|Sderot|Khan Younis|Rafah|Bethlehem|Jericho|Tulkarem|
Qalqilya|Alexandria|Port Said|Suez|Ismailia|Luxor|Aswan|Tanta|Mansoura|Benghazi|Tobruk|Derna|Sabha|Sousse|
Sfax|Fez|Tangier|Agadir|Meknes|Oran|Constantine|Annaba|Timbuktu|Gao|Kidal|Mopti|Agadez|Kano|Ibadan|
Port Harcourt|Kaduna|Jos|Enugu|Benin City|Abeokuta|Kumasi|Tamale|Lome|Bamako|Dakar|Abidjan|Freetown|Monrovia|
Douala|Bangui|Kisangani|Bukavu|Goma|Beni|Bunia|Kigali|Bujumbura|Entebbe|Gulu|Mombasa|Kisumu|Eldoret|Garissa|
Mogadishu|Hargeisa|Baidoa|Bosaso|Asmara|Massawa|Gondar|Mekelle|Bahir Dar|Dire Dawa|Juba|Malakal|Bor|Wau|
Port Sudan|El Fasher|Nyala|Omdurman|Lusaka|Ndola|Kitwe|Harare|Bulawayo|Maputo|Beira|Blantyre|Durban|
Port Elizabeth|Bloemfontein|Soweto|Windhoek|Gaborone|Antananarivo|Recife|Fortaleza|Belo Horizonte|Manaus|
Curitiba|Porto Alegre|Belem|Goiania|Campinas|Guadalajara|Puebla|Juarez|Ciudad Juarez|Acapulco|Cancun|
Veracruz|Oaxaca|Chihuahua|Sinaloa|Culiacan|Medellin|Cartagena|Barranquilla|Cali|Maracaibo|Valencia|Guayaquil|
Cuenca|Arequipa|Cusco|Cuzco|Valparaiso|Mendoza|Rosario|La Plata|Montevideo|Asuncion|Santa Cruz|Cochabamba|
Havana|Santiago de Cuba|San Juan|Port of Spain|Kingston|Montego Bay|Tegucigalpa|San Pedro Sula|Managua|
Auckland|Christchurch|Dunedin|Hobart|Darwin|Gold Coast|Newcastle upon Tyne
"""

# Nationalities, religious and political groups without a country of their own (NORP).
GROUPS = """
West Indian|West Indies
West Indians|West Indies
Arab|Arab
Arabs|Arab
Muslim|Muslim
Muslims|Muslim
Christian|Christian
Christians|Christian
Jewish|Jewish
Jew|Jewish
Jews|Jewish
Catholic|Catholic
Catholics|Catholic
Protestant|Protestant
Protestants|Protestant
Sunni|Sunni
Sunnis|Sunni
Shiite|Shiite
Shiites|Shiite
Shi'ite|Shiite
Shi'ites|Shiite
Shia|Shiite
Hindu|Hindu
Hindus|Hindu
Sikh|Sikh
Sikhs|Sikh
Buddhist|Buddhist
Buddhists|Buddhist
Alawite|Alawite
Alawites|Alawite
Druze|Druze
Yazidi|Yazidi
Yazidis|Yazidi
Pashtun|Pashtun
Pashtuns|Pashtun
Baloch|Baloch
Uighur|Uighur
Uighurs|Uighur
Uyghur|Uighur
Uyghurs|Uighur
Tamil|Tamil
Tamils|Tamil
Hutu|Hutu
Hutus|Hutu
Tutsi|Tutsi
Tutsis|Tutsi
Republican|Republican
Republicans|Republican
Democrat|Democrat
Democrats|Democrat
Latino|Latino
Latinos|Latino
Hispanic|Hispanic
Hispanics|Hispanic
Caribbean|Caribbean
Scandinavian|Scandinavia
Balkan|Balkans
Western|West
Takfiri|Takfiri
Takfiris|Takfiri
Salafi|Salafi
Salafist|Salafi
Salafists|Salafi
Wahhabi|Wahhabi
Jihadist|Jihadist
Jihadists|Jihadist
"""

# Common given names (PERSON, always "ambiguous": a feature for the model, never a mention alone).
GIVEN_NAMES = """
Aaron Abdul Abdullah Abu Adam Adrian Ahmad Ahmed Alan Albert Alberto Alejandro Alex Alexander Alexandre Alexei
Alfred Ali Alice Alicia Allen Amanda Amir Amy Ana Anatoly Andre Andrea Andreas Andrei Andrew Andrzej Andy Angela
Angelo Ann Anna Anne Anthony Antoine Antonio Arnold Arthur Ashraf Ayman Barack Barbara Bashar Ben Benjamin
Bernard Bernd Bill Billy Bob Bobby Boris Brad Brandon Brian Bruce Bruno Carl Carlos Carlo Carol Caroline
Catherine Charles Charlie Chris Christian Christina Christine Christopher Claude Claudia Colin Craig Dan Daniel
Daniela Danny Dave David Dennis Diana Diego Dieter Dmitry Dmitri Dominic Donald Doug Douglas Ed Eddie Edward
Elena Elizabeth Ellen Emily Emma Enrique Eric Erik Ernesto Eugene Eva Fabio Faisal Fatima Felix Fernando
Francesco Francis Francisco Frank Franz Fred Frederick Gabriel Gary Georg George Gerald Gerhard Gianni Giorgio
Giovanni Giuseppe Gordon Graham Greg Gregory Guy Hamid Hans Harold Harry Hassan Heinz Helen Helmut Henri Henry
Herbert Hillary Hossein Howard Hugo Hussein Ian Ibrahim Igor Ivan Jack Jacob Jacques Jaime James Jamie Jan Jane
Janet Jason Javier Jean Jeff Jeffrey Jennifer Jeremy Jerry Jesse Jessica Jim Jimmy Joachim Joan Joe Joel Johan
Johann Johannes John Johnny Jon Jonathan Jorge Jose Josef Joseph Juan Judith Julia Julian Julie Jurgen Karen Karl
Kate Katherine Keith Kelly Ken Kenneth Kevin Khalid Kim Klaus Kurt Larry Laura Laurent Lee Leah Leon Leonid Lisa
Louis Luc Luca Lucas Luis Luigi Mahmoud Manuel Marc Marcel Marco Marcelo Margaret Maria Marie Mario Mark Martin
Mary Massimo Matt Matthew Maurice Max Melissa Michael Michel Michelle Miguel Mikhail Mike Mohamed Mohammad
Mohammed Muhammad Nancy Nasser Neil Nicholas Nick Nicolas Nikolai Nina Noah Norman Olga Oliver Omar Oscar
Pablo Pamela Paolo Pascal Patricia Patrick Paul Paula Pavel Pedro Peter Philip Philippe Pierre Pieter Rachel
Rafael Rahul Raj Ralph Ramon Ray Raymond Reza Ricardo Richard Rick Rob Robert Roberto Rodrigo Roger Roland
Ronald Rose Ross Roy Ruth Ryan Saad Said Salman Sam Samuel Sandra Sarah Saeed Scott Sean Sebastian Sergei Sergey
Sergio Simon Sophie Stefan Stephen Steve Steven Susan Sven Tariq Ted Teresa Terry Thomas Tim Timothy Tom Tommy
Tony Vasily Victor Viktor Vincent Vladimir Walter Wayne Werner Willem William Wolfgang Xavier Yasser Yuri Yusuf
Zhang Wang Li Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo Lin Luo Kofi Kwame Nelson Jacob Thabo
Olusegun Goodluck Muhammadu Uhuru Paul Yoweri Robert Hamid Ashraf Nawaz Imran Benazir Pervez Asif Narendra
Manmohan Sonia Indira Atal Shinzo Junichiro Yoshihiko Naoto Moon Park Kim Lee Hu Xi Wen Jiang Deng Recep Ahmet
Mevlut Abdel Abdelaziz Abdel-Fattah Hosni Mohamed Bashir Omar Muammar Moammar Zine Jalal Nouri Ayad Haider
Masoud Massoud Nechirvan Mahmoud Akbar Ali-Akbar Javad Mohsen Qassem Qasem Hamid Hafez Rifaat Maher Asma
Benjamin Ehud Ariel Shimon Yitzhak Tzipi Avigdor Naftali Yair Recep Emmanuel Francois Nicolas Jacques Angela
Gerhard Helmut Theresa Gordon Tony Boris David Jeremy Margaret Silvio Matteo Romano Mariano Jose Luis Pedro
"""

# More given names (PERSON, "ambiguous" like the list above), across languages.
MORE_GIVEN_NAMES = """
Abel Achim Adnan Adriana Agnes Agustin Aidan Alain Alana Albin Aldo Alec Aleksandar Aleksander Alessandro
Alessandra Alexis Alfonso Alfredo Ali Alistair Allan Alvaro Amadou Amit Anders Andres Andrija Angel Angus
Anil Anita Anton Antonin Arjun Arjuna Armando Arne Arturo Asif Astrid Attila Audrey Augusto Aurelio Axel
Barry Bart Beatriz Bela Ben Benedict Bengt Benoit Bernhard Bertrand Bjorn Blaise Bogdan Bohdan Boubacar
Boyd Branko Brendan Brett Bryan Byron Carla Carmen Cecilia Cedric Cesar Chandra Chang Chantal Chen Christophe
Christoph Cindy Claire Clara Clark Claudio Clive Conor Constantin Corey Cosmin Cristian Cristina Curtis
Dale Damien Dana Darko Darren Darryl Dean Deborah Dejan Denis Denise Derek Desi Desmond Detlef Dimitri
Dimitris Dirk Dmitri Dominique Donna Duncan Dusan Dwight Earl Edgar Edith Edmund Eduardo Edwin Egon Ekaterina
Elias Elijah Elisabeth Ella Elliot Emil Emile Emilio Emmanuel Enzo Erich Ernst Esther Ethan Etienne Evgeny
Ewa Fabian Fabrice Federico Felipe Ferenc Filip Florian Francesca Franck Frank Franz Fred Frederic Frederick
Friedrich Gabriel Gabriela Gareth Garry Gary Gavin Gene Geoff Geoffrey Geir Gennady Georg Georges Gerald
Gerard Gerhard Gert Gianluca Gianni Gilbert Gilles Gillian Gina Giorgio Giovanni Giulio Giuseppe Glen Glenn
Gordon Graham Grant Greg Gregor Gregory Guido Guillaume Gunnar Gunter Gustavo Guy Hamid Hamza Hank Hannah
Hans Harald Harold Harry Hassan Hector Heidi Heinz Helen Helga Helmut Henri Henrik Herbert Hermann Hideo
Hiroshi Horst Hubert Hugh Hugo Ian Ibrahim Igor Ilya Imran Inge Ingrid Irina Isaac Ivan Ivana Ivo Jack
Jacques Jaime Jakob Jamal Jan Jana Janet Janos Jaroslav Jason Javier Jay Jean Jeff Jeffrey Jens Jeremy
Jerome Jerry Jesper Jesse Jessica Jim Jimmy Joachim Joan Joanna Jochen Joe Joel Johan Johann Johannes
Jonas Jonathan Jordi Jorge Jose Josef Joseph Josh Juan Judith Juergen Jurgen Julia Julian Julie Julien
Julio Justin Kamal Karel Karen Karim Karin Karl Karsten Kate Katharina Kathy Keith Ken Kenneth Kerry Kevin
Khalid Kim Kirsten Klaus Klas Kofi Konrad Kurt Kyle Lajos Lars Laszlo Laura Laurent Lawrence Lee Leif Lena
Leon Leonard Leonardo Les Leslie Lionel Lisa Lothar Louis Louise Luc Luca Lucas Lucia Luciano Ludwig Luis
Luka Lubomir Lynn Magnus Mahmoud Manfred Manuel Marc Marcel Marcelo Marco Marcus Margaret Maria Marian
Mariano Marie Mario Marius Mark Marko Markus Marta Martin Martina Marvin Mary Massimo Mathias Matt Matteo
Matthew Matthias Maurice Mauricio Max Maxim Mehmet Mehdi Melissa Michael Michaela Michel Michele Miguel Mika
Mike Mikhail Milan Milos Miroslav Mitchell Mohamed Mohammed Monica Monika Moses Murat Murray Mustafa Nadia
Nathan Neal Neil Nelson Nicholas Nick Nico Nicola Nicolas Niels Nigel Nikola Nikolai Nils Nir Noel Norbert
Norman Oleg Oliver Olivier Omar Oscar Otto Pablo Paolo Pascal Patricia Patrick Paul Paula Pavel Pedro
Pekka Per Pete Peter Petr Petra Phil Philip Philippe Pierre Piotr Rafael Rahul Raj Rajesh Ralf Ralph Ramon
Randy Raul Ray Raymond Reinhard Rene Ricardo Richard Rick Ricky Rob Robbie Robert Roberto Robin Rod Roger
Roland Rolf Roman Ron Ronald Ronnie Rosa Ross Roy Ruben Rudolf Rudi Rui Russell Ruth Ryan Saeed Salim
Salvatore Sam Sami Sammy Samuel Sandra Sanjay Sarah Sascha Saqlain Scott Sean Sebastian Serge Sergei Sergey
Sergio Shane Sharon Shaun Sheila Shinji Sidney Silvio Simon Simone Stan Stanislav Stefan Stefano Steffen
Stephan Stephane Stephen Steve Steven Stuart Sue Susan Sven Sylvain Takashi Tamas Tanya Ted Terry Theo
Thierry Thomas Thorsten Tim Timothy Tina Tobias Todd Tom Tomas Tommy Toni Tony Torsten Tristan Troy Udo
Uwe Vaclav Valentin Valeri Valery Vasily Viktor Vincent Vincenzo Vitaly Vladimir Vyacheslav Walter Wasim
Wayne Werner Wilfried Willem William Willie Wim Wojciech Wolfgang Yannick Yasser Yuri Yves Zbigniew Zoltan
Zoran
"""

ORGANISATIONS = """
United Nations|UN;U.N.;U.N;UNO
UN Security Council|Security Council;U.N. Security Council;United Nations Security Council;UNSC
UN General Assembly|General Assembly;U.N. General Assembly;United Nations General Assembly
European Union|EU;E.U.
European Commission|
European Parliament|
European Central Bank|ECB
NATO|North Atlantic Treaty Organization;North Atlantic Treaty Organisation;Nato
African Union|AU
Arab League|League of Arab States
Organization of Islamic Cooperation|OIC;Organisation of Islamic Cooperation
Gulf Cooperation Council|GCC
ASEAN|Association of Southeast Asian Nations
OPEC|Organization of the Petroleum Exporting Countries;Organisation of the Petroleum Exporting Countries
Gas Exporting Countries Forum|GECF
Shanghai Cooperation Organisation|SCO;Shanghai Cooperation Organization
World Bank|
International Monetary Fund|IMF
World Trade Organization|WTO;World Trade Organisation
World Health Organization|WHO;World Health Organisation
International Atomic Energy Agency|IAEA
UNICEF|United Nations Children's Fund
UNESCO|
UNHCR|United Nations High Commissioner for Refugees;UN refugee agency
World Food Programme|WFP;World Food Program
International Committee of the Red Cross|ICRC;Red Cross
Red Crescent|
Amnesty International|
Human Rights Watch|
Doctors Without Borders|Medecins Sans Frontieres;MSF
International Criminal Court|ICC
International Court of Justice|ICJ
Interpol|
Organization for Security and Co-operation in Europe|OSCE;Organization for Security and Cooperation in Europe;Organisation for Security and Cooperation in Europe;Organisation for Security and Co-operation in Europe
Council of Europe|
G7|Group of Seven
G20|Group of 20
Commonwealth|
FIFA|
International Olympic Committee|IOC
Greenpeace|
CIA|Central Intelligence Agency
FBI|Federal Bureau of Investigation
NSA|National Security Agency
Pentagon|
State Department|U.S. State Department;US State Department
Federal Reserve|Fed
Congress|U.S. Congress;US Congress
Senate|U.S. Senate;US Senate
House of Representatives|
Supreme Court|
Parliament|
Kremlin|
White House|
Revolutionary Guards|Islamic Revolutionary Guard Corps;IRGC;Revolutionary Guard;Revolutionary Guard Corps
Supreme National Security Council|
Mossad|
Knesset|
Duma|State Duma
Bundestag|
MI6|
MI5|
Scotland Yard|
Reuters|
Associated Press|AP
Agence France-Presse|AFP;Agence France Presse
BBC|British Broadcasting Corporation
CNN|
Al Jazeera|Al-Jazeera;Aljazeera
Al Arabiya|Al-Arabiya
Xinhua|Xinhua News Agency
TASS|ITAR-TASS
RIA Novosti|RIA
Interfax|
IRNA|Islamic Republic News Agency
Tasnim|Tasnim News Agency
Fars|Fars News Agency
Press TV|PressTV
Al-Alam|Al Alam;Al-Alam television;Al-Alam TV
Al-Manar|Al Manar
Al Mayadeen|Al-Mayadeen
Mehr|Mehr News Agency
ISNA|Iranian Students News Agency
Ammon News|AMMONNEWS;Ammon
Petra|Jordan News Agency
WAM|Emirates News Agency
SPA|Saudi Press Agency
MENA|Middle East News Agency
Sputnik|Sputnik News
RT|Russia Today
SANA|Syrian Arab News Agency
Kyodo|Kyodo News
Yonhap|
Anadolu|Anadolu Agency
Bloomberg|
Dow Jones|
New York Times|The New York Times
Washington Post|The Washington Post
Wall Street Journal|The Wall Street Journal
Financial Times|
The Guardian|
Voice of America|VOA
Radio Free Europe|RFE/RL;Radio Free Europe/Radio Liberty
Islamic State|ISIS;ISIL;IS;Daesh;Da'esh;Daish;Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria;Islamic State group
al-Qaeda|al-Qaida;al Qaeda;al Qaida;Al-Qaeda;Al-Qaida;Al Qaeda;Al Qaida;Qaeda
al-Qaeda in the Arabian Peninsula|AQAP
al-Qaeda in the Islamic Maghreb|AQIM
Taliban|Taleban;Afghan Taliban
Pakistani Taliban|Tehrik-i-Taliban Pakistan;Tehreek-e-Taliban Pakistan;TTP
Hezbollah|Hizbollah;Hizbullah;Hizballah
Hamas|
Islamic Jihad|Palestinian Islamic Jihad
Fatah|
Palestine Liberation Organization|PLO;Palestine Liberation Organisation
Palestinian Authority|PA
Muslim Brotherhood|
al-Shabab|al-Shabaab;Al-Shabab;Al-Shabaab;Shabab;Shabaab
Boko Haram|
Nusra Front|al-Nusra Front;Al-Nusra Front;Jabhat al-Nusra;al-Nusra;Jabhat Fateh al-Sham
Free Syrian Army|FSA
Syrian Democratic Forces|SDF
Kurdistan Workers' Party|PKK;Kurdistan Workers Party
YPG|People's Protection Units
Peshmerga|
Houthis|Houthi;Ansar Allah
Lashkar-e-Taiba|Lashkar-e-Toiba;LeT
Jaish-e-Mohammed|Jaish-e-Mohammad
Haqqani network|Haqqani Network
Tamil Tigers|LTTE;Liberation Tigers of Tamil Eelam
FARC|Revolutionary Armed Forces of Colombia
ETA|
IRA|Irish Republican Army
Mahdi Army|
Janjaweed|
Wagner Group|Wagner
"""

# Well-known companies, airlines, newspapers and broadcasters (ORG, canonical = first name).
COMPANIES = """
Air France|Air France-KLM
KLM|KLM Royal Dutch Airlines
Lufthansa|Deutsche Lufthansa
British Airways|BA
El Al|El Al Israel Airlines
Aeroflot|
Emirates Airline|
Qatar Airways|
Turkish Airlines|
Iran Air|
Singapore Airlines|
Cathay Pacific|
Japan Airlines|JAL
All Nippon Airways|ANA
Qantas|
American Airlines|
United Airlines|
Delta Air Lines|Delta Airlines
Southwest Airlines|
Ryanair|
easyJet|EasyJet
Alitalia|
Iberia|
Swissair|
Boeing|
Airbus|
Lockheed Martin|Lockheed
General Electric|GE
General Motors|GM
Ford|Ford Motor;Ford Motor Co
Chrysler|
Toyota|Toyota Motor
Honda|Honda Motor
Nissan|
Volkswagen|VW
BMW|
Daimler|DaimlerChrysler;Daimler-Benz
Mercedes-Benz|
Renault|
Peugeot|PSA Peugeot Citroen
Fiat|
Volvo|
Hyundai|Hyundai Motor
Kia|
Samsung|Samsung Electronics
LG|LG Electronics
Sony|
Panasonic|Matsushita
Toshiba|
Hitachi|
Mitsubishi|
Nintendo|
Microsoft|
Apple|Apple Inc;Apple Computer
Google|Alphabet
Amazon.com|
Facebook|Meta
Twitter|
IBM|International Business Machines
Intel|
Oracle|
Cisco|Cisco Systems
Hewlett-Packard|HP
Dell|
Motorola|
Nokia|
Ericsson|
Siemens|
Philips|
Alcatel|
Nestle|Nestlé
Unilever|
Procter & Gamble|P&G
Coca-Cola|
PepsiCo|Pepsi
McDonald's|
Wal-Mart|Walmart
Exxon|ExxonMobil;Exxon Mobil
Chevron|
Shell|Royal Dutch Shell
BP|British Petroleum
Total|TotalEnergies
Gazprom|
Rosneft|
Lukoil|
Saudi Aramco|Aramco
Petrobras|
Sinopec|
PetroChina|
Eni|
Statoil|Equinor
Glencore|
Rio Tinto|
BHP|BHP Billiton
Pfizer|
Novartis|
Roche|
GlaxoSmithKline|Glaxo
Bayer|
Goldman Sachs|
Morgan Stanley|
JPMorgan|JP Morgan;JPMorgan Chase;J.P. Morgan
Citigroup|Citibank;Citi
Bank of America|
Wells Fargo|
HSBC|
Barclays|
Deutsche Bank|
Credit Suisse|
UBS|
BNP Paribas|
Societe Generale|
Santander|
Lloyds|Lloyds Bank
Royal Bank of Scotland|RBS
Merrill Lynch|
Lehman Brothers|
Standard & Poor's|S&P
Moody's|
Fitch|Fitch Ratings
Nasdaq|
New York Stock Exchange|NYSE
London Stock Exchange|
Benetton|
Pirelli|
Ferrari|
Williams|
McLaren|
Disney|Walt Disney
Warner Bros|Warner Brothers;Time Warner
News Corp|News Corporation
Vodafone|
Deutsche Telekom|
AT&T|
Verizon|
Huawei|
ZTE|
Alibaba|
Tencent|
Baidu|
Uber|
Tesla|
SpaceX|
Fox News|Fox
NBC|
CBS|
ABC|
Sky News|
Channel 4|
France 24|
Deutsche Welle|DW
Euronews|
Le Monde|
Le Figaro|
Liberation|
Der Spiegel|Spiegel
Die Welt|
Frankfurter Allgemeine Zeitung|FAZ
Sueddeutsche Zeitung|Süddeutsche Zeitung
Bild|
Corriere della Sera|
La Repubblica|
El Pais|El País
The Times|
The Sunday Times|
The Daily Telegraph|Daily Telegraph;The Telegraph
The Sunday Telegraph|Sunday Telegraph
The Independent|
The Observer|
The Economist|
Daily Mail|
The Sun|
Mirror|Daily Mirror
USA Today|
Los Angeles Times|
Chicago Tribune|
Boston Globe|
Time|Time magazine
Newsweek|
Haaretz|
Jerusalem Post|
Times of India|
Dawn|
People's Daily|
Pravda|
Izvestia|
Kommersant|
Granma|
Asahi Shimbun|Asahi
Yomiuri Shimbun|Yomiuri
Tanjug|
ANSA|
EFE|
DPA|Deutsche Presse-Agentur
PTI|Press Trust of India
"""

# More organisations often in business and world news: newspapers and broadcasters, agencies,
# banks and brokers, exchanges, statistics offices, parties. name|aliases.
MORE_ORGANISATIONS = """
Jakarta Post|
Kompas|
Republika|
Media Indonesia|
South China Morning Post|
Hong Kong Standard|
Straits Times|
Bangkok Post|
Times of India|
Hindustan Times|
Indian Express|
Business Standard|
Economic Times|
Le Matin|
La Presse|
Le Temps|
Le Figaro|
Liberation|Libération
El Pais|El País
El Mundo|
La Repubblica|
Corriere della Sera|
La Stampa|
Il Sole 24 Ore|
Frankfurter Allgemeine Zeitung|Frankfurter Allgemeine
Sueddeutsche Zeitung|Süddeutsche Zeitung
Die Welt|
Handelsblatt|
Der Spiegel|
Die Zeit|
Bild|
Neue Zuercher Zeitung|Neue Zürcher Zeitung
De Telegraaf|
NRC Handelsblad|
Gazeta Wyborcza|
Zycie Warszawy|
Rzeczpospolita|
Nepszabadsag|
Izvestiya|
Nezavisimaya Gazeta|
Komsomolskaya Pravda|
Segodnya|
Al-Ahram|Al Ahram
Al-Akhbar|
Al-Hayat|Al Hayat
Asharq al-Awsat|
Al-Quds|
Yedioth Ahronoth|
Maariv|
Jerusalem Post|
Hurriyet|Hürriyet
Milliyet|
Cumhuriyet|
Prensa Latina|
Notimex|
Antara|
Bernama|
Itar-Tass|ITAR-TASS
PAP|Polish Press Agency
CTK|
MTI|
BTA|
Rompres|
Agerpres|
HINA|
Anatolian News Agency|Anatolian
Petra News Agency|
Central News Agency|
Press Association|
Associated Press|
United Press International|UPI
Agence France-Presse|AFP
BBC World Service|
Voice of America|VOA
CNN|
Sky News|
Rabobank|
ABN Amro|ABN AMRO
ING Bank|ING Groep
Banc One|Banc One Corp
KeyCorp|
First Chicago|First Chicago NBD
Chase Manhattan|Chase Manhattan Bank
Citicorp|
Chemical Bank|
BankAmerica|Bank of America
J.P. Morgan|JP Morgan;J.P. Morgan & Co
Morgan Stanley|
Salomon Brothers|Salomon Bros;Salomon Bros.
Bear Stearns|Bear Stearns & Co
Lehman Brothers|
Smith Barney|
PaineWebber|Paine Webber
Dean Witter|
Prudential Securities|
Nomura Securities|Nomura
Daiwa Securities|Daiwa
Nikko Securities|
Yamaichi Securities|
Dresdner Bank|
Commerzbank|
Deutsche Morgan Grenfell|
Credit Suisse|
Swiss Bank Corp|Swiss Bank Corporation
Union Bank of Switzerland|
NatWest|National Westminster Bank
Standard Chartered|
BNP|Banque Nationale de Paris
Societe Generale|Société Générale
Credit Lyonnais|Crédit Lyonnais
Banque Indosuez|Indosuez
Paribas|
Bank of England|
Bundesbank|
Bank of Japan|
Bank of Canada|
Reserve Bank of India|
Reserve Bank of Australia|
Banque de France|
Swiss National Bank|
Federal Reserve|Fed
Federal Open Market Committee|FOMC
National Association of Purchasing Management|NAPM
Statistics Canada|
Bureau of Labor Statistics|
Commerce Department|
Labor Department|
Treasury Department|
London Metal Exchange|LME
London Stock Exchange|
New York Stock Exchange|NYSE
Chicago Mercantile Exchange|CME
Chicago Board of Trade|CBOT
Chicago Board Options Exchange|
Tokyo Stock Exchange|
Bombay Stock Exchange|
Johannesburg Stock Exchange|
Paris Bourse|
Frankfurt Stock Exchange|
Kurdistan Democratic Party|KDP
Patriotic Union of Kurdistan|PUK
Iraqi National Congress|
Nation of Islam|
African National Congress|ANC
Inkatha Freedom Party|Inkatha
Likud|
Labour Party|
Conservative Party|
Liberal Democrats|
Social Democrats|
Christian Democrats|
Bharatiya Janata Party|BJP
Congress Party|
Sinn Fein|Sinn Féin
Irish Republican Army|IRA
Ulster Unionist Party|
Democratic Unionist Party|
Shiv Sena|
Human Rights Watch|
Amnesty International|
International Committee of the Red Cross|ICRC
World Boxing Association|WBA
World Boxing Council|WBC
International Boxing Federation|IBF
FIFA|
UEFA|
International Olympic Committee|IOC
Dow Chemical|Dow Chemical Co
Caltex|
Pirelli|Pirelli SpA
Hachette|
Magna International|
Johnson Controls|
Lear Corp|
Daimler-Benz|
Mercedes-Benz|
Volkswagen|
Renault|
Peugeot|
Fiat|
Ericsson|LM Ericsson
Nokia|
Philips|
Siemens|
"""

# Sports clubs and teams with names of their own (always organisations). Written from general
# knowledge of the leagues; name|aliases.
CLUBS = """
Manchester United|Man United;Man Utd
Manchester City|Man City
Arsenal|
Tottenham Hotspur|Tottenham
Aston Villa|
Newcastle United|
West Ham United|West Ham
Leeds United|
Sheffield Wednesday|
Sheffield United|
Nottingham Forest|
Blackburn Rovers|
Queens Park Rangers|QPR
Wolverhampton Wanderers|
Bolton Wanderers|
Coventry City|
Leicester City|
Derby County|
Norwich City|
Ipswich Town|
Crystal Palace|
Charlton Athletic|
West Bromwich Albion|West Brom
Stoke City|
Birmingham City|
Port Vale|
Tranmere Rovers|Tranmere
Bristol City|
Bristol Rovers|
Huddersfield Town|
Oldham Athletic|
Swindon Town|
Grimsby Town|
Crewe Alexandra|
Preston North End|
Plymouth Argyle|
Notts County|
Brighton and Hove Albion|
Wycombe Wanderers|
Bradford City|
Millwall|
Luton Town|
Cardiff City|
Swansea City|
Hull City|
Rotherham United|
Shrewsbury Town|
Oxford United|
Cambridge United|
Peterborough United|
Manchester United Football Club|
Glasgow Celtic|
Heart of Midlothian|
Hibernian|Hibs
Motherwell|
Kilmarnock|
Dundee United|
Dunfermline Athletic|Dunfermline
Partick Thistle|
St Johnstone|
Raith Rovers|
Airdrieonians|
Clydebank|
St Mirren|
Hamilton Academical|
Ayr United|
Queen of the South|
Queen's Park|
Stenhousemuir|
East Fife|
Inverness Caledonian Thistle|
Real Madrid|
Atletico Madrid|Atletico;Atlético Madrid
Deportivo La Coruna|Deportivo Coruna;Deportivo
Real Betis|Betis
Athletic Bilbao|
Real Sociedad|
Celta Vigo|Celta
Espanyol|
Real Zaragoza|
Racing Santander|
Real Oviedo|
Sporting Gijon|
Rayo Vallecano|
Compostela|
Juventus|Juve
Inter Milan|Internazionale
AC Milan|
AS Roma|
Napoli|
Fiorentina|
Sampdoria|
Atalanta|
Udinese|
Hellas Verona|
Reggiana|
Cremonese|
Salernitana|
Bayern Munich|Bayern;Bayern Muenchen;Bayern München
Borussia Dortmund|
Borussia Moenchengladbach|Borussia Mönchengladbach;Gladbach
Werder Bremen|
Hamburg SV|Hamburger SV;HSV
Schalke 04|Schalke
Bayer Leverkusen|
VfB Stuttgart|
Karlsruher SC|
1860 Munich|
Hansa Rostock|
Arminia Bielefeld|
Fortuna Duesseldorf|Fortuna Düsseldorf
St Pauli|
VfL Bochum|
MSV Duisburg|
Eintracht Frankfurt|
Hertha Berlin|Hertha BSC
Hannover 96|
Paris St Germain|Paris Saint-Germain;PSG
Olympique Marseille|
Olympique Lyonnais|
AS Monaco|
Ajax|Ajax Amsterdam
PSV Eindhoven|PSV
Feyenoord|
FC Twente|
Vitesse|Vitesse Arnhem
Heerenveen|
NAC Breda|
Roda JC|
Willem II|
Sparta Rotterdam|
Fortuna Sittard|
RKC Waalwijk|
De Graafschap|
Benfica|
FC Porto|
Sporting Lisbon|
Boavista|
Anderlecht|
Club Brugge|Club Bruges
Standard Liege|
Lierse|
Spartak Moscow|
Dynamo Moscow|Dinamo Moscow
CSKA Moscow|
Lokomotiv Moscow|
Torpedo Moscow|
Rotor Volgograd|
Alania Vladikavkaz|
Zenit St Petersburg|
Lada Togliatti|
Dynamo Kiev|Dinamo Kiev
Shakhtar Donetsk|
Red Star Belgrade|Red Star
Partizan Belgrade|Partizan
Dinamo Zagreb|
Croatia Zagreb|
Hajduk Split|
Galatasaray|
Fenerbahce|
Besiktas|
Trabzonspor|
Olympiakos|Olympiacos
Panathinaikos|
AEK Athens|
PAOK|PAOK Salonika
Steaua Bucharest|Steaua
Dinamo Bucharest|
Rapid Bucharest|
Ferencvaros|
Sparta Prague|
Slavia Prague|
Legia Warsaw|
Widzew Lodz|
Rosenborg|
IFK Gothenburg|
Brondby|
Grasshoppers|Grasshopper
Servette|
Austria Vienna|
Rapid Vienna|
Sturm Graz|
Maccabi Tel Aviv|
Hapoel Tel Aviv|
Boca Juniors|
River Plate|
Flamengo|
Corinthians|
Palmeiras|
Gremio|
Penarol|
Bradford Bulls|
Leeds Rhinos|
Leicester Tigers|
Saracens|
Harlequins|
Wasps|
Northampton Saints|
Sale Sharks|
London Irish|
Newcastle Falcons|
Springboks|
Wallabies|
All Blacks|All Black
New York Yankees|Yankees
Boston Red Sox|Red Sox
Baltimore Orioles|Orioles
Toronto Blue Jays|Blue Jays
Chicago White Sox|White Sox
Seattle Mariners|Mariners
Milwaukee Brewers|Brewers
Florida Marlins|Marlins
Montreal Expos|Expos
New York Mets|Mets
Philadelphia Phillies|Phillies
Chicago Cubs|Cubs
Houston Astros|Astros
Los Angeles Dodgers|Dodgers
San Diego Padres|Padres
Colorado Rockies|
Cleveland Indians|
Detroit Tigers|
Kansas City Royals|
Minnesota Twins|
Texas Rangers|
California Angels|Anaheim Angels
Oakland Athletics|
Atlanta Braves|
Cincinnati Reds|
Pittsburgh Pirates|
St. Louis Cardinals|St Louis Cardinals
San Francisco Giants|
Los Angeles Lakers|Lakers
Boston Celtics|Celtics
New York Knicks|Knicks
Chicago Bulls|
Dallas Cowboys|
Washington Redskins|Redskins
Pittsburgh Steelers|Steelers
Green Bay Packers|Packers
Denver Broncos|Broncos
San Francisco 49ers|49ers
"""

# Teams named like their town, county or state, or like a common word: organisations only in
# sports reports (``club`` rows, matched there and nowhere else). surface|canonical.
TOWN_CLUBS = """
Liverpool|Liverpool
Chelsea|Chelsea
Everton|Everton
Newcastle|Newcastle United
Southampton|Southampton
Sunderland|Sunderland
Middlesbrough|Middlesbrough
Leeds|Leeds United
Leicester|Leicester City
Coventry|Coventry City
Derby|Derby County
Norwich|Norwich City
Ipswich|Ipswich Town
Portsmouth|Portsmouth
Barnsley|Barnsley
Burnley|Burnley
Blackburn|Blackburn Rovers
Bolton|Bolton Wanderers
Birmingham|Birmingham City
Sheffield|Sheffield
Nottingham|Nottingham Forest
Reading|Reading
Fulham|Fulham
Watford|Watford
Walsall|Walsall
Wrexham|Wrexham
Blackpool|Blackpool
Brentford|Brentford
Gillingham|Gillingham
Chesterfield|Chesterfield
Stoke|Stoke City
Swindon|Swindon Town
Oldham|Oldham Athletic
Grimsby|Grimsby Town
Huddersfield|Huddersfield Town
Bradford|Bradford
Wigan|Wigan
St Helens|St Helens
Castleford|Castleford
Warrington|Warrington
Halifax|Halifax
Bath|Bath
Gloucester|Gloucester
Orrell|Orrell
Northampton|Northampton
Bristol|Bristol
Aberdeen|Aberdeen
Dundee|Dundee
Falkirk|Falkirk
Rangers|Rangers
Morton|Morton
Livingston|Livingston
Stranraer|Stranraer
Barcelona|Barcelona
Valencia|Valencia
Sevilla|Sevilla
Seville|Sevilla
Zaragoza|Real Zaragoza
Tenerife|Tenerife
Valladolid|Valladolid
Extremadura|Extremadura
Hercules|Hercules
Logrones|Logrones
Albacete|Albacete
Villarreal|Villarreal
Mallorca|Mallorca
Osasuna|Osasuna
Milan|AC Milan
Inter|Inter Milan
Roma|AS Roma
Torino|Torino
Parma|Parma
Bologna|Bologna
Cagliari|Cagliari
Piacenza|Piacenza
Perugia|Perugia
Verona|Hellas Verona
Vicenza|Vicenza
Padova|Padova
Bari|Bari
Lecce|Lecce
Brescia|Brescia
Genoa|Genoa
Empoli|Empoli
Venezia|Venezia
Dortmund|Borussia Dortmund
Bremen|Werder Bremen
Hamburg|Hamburg SV
Leverkusen|Bayer Leverkusen
Stuttgart|VfB Stuttgart
Karlsruhe|Karlsruher SC
Kaiserslautern|Kaiserslautern
Freiburg|Freiburg
Cologne|Cologne
Bochum|VfL Bochum
Duisburg|MSV Duisburg
Rostock|Hansa Rostock
Bielefeld|Arminia Bielefeld
Wolfsburg|Wolfsburg
Nuremberg|Nuremberg
Marseille|Olympique Marseille
Lyon|Olympique Lyonnais
Monaco|AS Monaco
Auxerre|Auxerre
Bordeaux|Bordeaux
Nantes|Nantes
Lens|Lens
Metz|Metz
Strasbourg|Strasbourg
Bastia|Bastia
Nice|Nice
Guingamp|Guingamp
Rennes|Rennes
Montpellier|Montpellier
Cannes|Cannes
Lille|Lille
Le Havre|Le Havre
Caen|Caen
Nancy|Nancy
Utrecht|Utrecht
Groningen|Groningen
Porto|FC Porto
Sporting|Sporting Lisbon
Braga|Braga
Genk|Genk
Mechelen|Mechelen
Gent|Gent
Lokeren|Lokeren
Charleroi|Charleroi
Rotor|Rotor Volgograd
Alania|Alania Vladikavkaz
Zenit|Zenit St Petersburg
Dinamo|Dinamo
Dynamo|Dynamo
Spartak|Spartak
Lokomotiv|Lokomotiv
Torpedo|Torpedo
Salzburg|Salzburg
Surrey|Surrey
Kent|Kent
Essex|Essex
Sussex|Sussex
Middlesex|Middlesex
Yorkshire|Yorkshire
Lancashire|Lancashire
Warwickshire|Warwickshire
Worcestershire|Worcestershire
Gloucestershire|Gloucestershire
Somerset|Somerset
Hampshire|Hampshire
Leicestershire|Leicestershire
Nottinghamshire|Nottinghamshire
Derbyshire|Derbyshire
Northamptonshire|Northamptonshire
Glamorgan|Glamorgan
Durham|Durham
Boston|Boston
Baltimore|Baltimore
Toronto|Toronto
Detroit|Detroit
Cleveland|Cleveland
Chicago|Chicago
Kansas City|Kansas City
Minnesota|Minnesota
Milwaukee|Milwaukee
Texas|Texas
Seattle|Seattle
Oakland|Oakland
California|California
Anaheim|Anaheim
Atlanta|Atlanta
Florida|Florida
Montreal|Montreal
Philadelphia|Philadelphia
Cincinnati|Cincinnati
Houston|Houston
Pittsburgh|Pittsburgh
St Louis|St Louis
St. Louis|St Louis
Colorado|Colorado
Los Angeles|Los Angeles
San Diego|San Diego
San Francisco|San Francisco
New York|New York
Indians|Cleveland Indians
Tigers|Detroit Tigers
Royals|Kansas City Royals
Twins|Minnesota Twins
Angels|California Angels
Braves|Atlanta Braves
Reds|Cincinnati Reds
Pirates|Pittsburgh Pirates
Cardinals|St. Louis Cardinals
Giants|San Francisco Giants
Rockies|Colorado Rockies
Bulls|Chicago Bulls
Cowboys|Dallas Cowboys
Eagles|Eagles
Real|Real Madrid
Celtic|Glasgow Celtic
Hearts|Heart of Midlothian
Spurs|Tottenham Hotspur
Wolves|Wolverhampton Wanderers
Lazio|Lazio
"""

# Surface forms that are also common words or first names: never tagged from the list alone.
AMBIGUOUS = {
    "Chad", "Jordan", "Georgia", "Niger", "Guinea", "Nice", "Reading", "Mobile", "Victoria", "Kingston",
    "Santiago", "Salvador", "Male", "Lima", "Sofia", "Georgetown", "Praia", "Moroni", "Congress", "Senate",
    "Parliament", "Supreme Court", "Commonwealth", "IS", "PA", "AP", "Fed", "RIA", "SCO", "AU", "LeT", "WHO",
    "Wagner", "America", "Gulf", "Java", "Fars", "Tasnim", "Shabab", "Atlantic", "Pacific", "Baltic", "Swat",
    "Red Cross", "Arctic", "Turks", "Scots", "Poles", "Finns", "Lao", "Brit", "Polish", "Turkey", "Bali",
    "Panama", "Kuwait", "Djibouti", "Singapore", "Luxembourg", "Monaco", "Mexico", "Guatemala", "Tripoli",
    "Qaeda", "ETA", "MSF", "RFE/RL", "Tyre", "Sidon", "Hama", "Fatah", "Duma", "Houthi", "Hezbollah",
    "Revolutionary Guard", "Security Council", "General Assembly", "UNO", "FSA", "SDF", "Medina", "Swazi",
    "State Duma", "Mideast", "Split", "Hue", "Bor", "Beni", "Nis", "Kut", "Amara", "Jos",
    "Bury", "Derry", "Gao", "Perm", "Columbus", "Providence", "Buffalo", "Charlotte", "Austin", "Darwin",
    "Amazon", "Balkan", "Victoria", "Rochester", "Richmond", "Hull", "Johor", "Gold Coast", "Hartford",
    "Western", "Republican", "Democrat", "Republicans", "Democrats", "Christian", "Catholic", "Protestant",
    "Tamil", "Memphis", "Newark", "Mehr", "Petra", "SPA", "RT", "Sputnik", "MENA", "Ammon", "WAM", "Jihadist",
    "Jihadists", "Ford", "Shell", "Total", "Time", "Mirror", "Dawn", "Fox", "Apple", "Bild",
    "Williams", "Liberation", "Kia", "Eni", "Fitch", "Dell", "Meta", "Delta Airlines", "ABC", "HP", "GE", "GM",
    "LG", "BA", "ANA", "JAL", "DW", "Citi", "RBS", "Lloyds", "Honda", "Ferrari", "Disney", "Mitsubishi", "Orlando", "Phoenix", "Portland", "Cambridge", "Oxford", "Reading", "Bristol", "Basotho", "Perth", "Phoenix", "Reuters", "Bloomberg", "Kremlin", "Pentagon",
    "White House", "Downing Street", "Wall Street", "Interfax", "Xinhua", "SANA", "Anadolu", "Yonhap", "Kyodo",
}
# Kremlin, Pentagon, White House, news agencies: tagged by the model (ORG vs LOC depends on use);
# the list still gives their canonical names.


def rows() -> list[tuple[str, str, str]]:
    out: list[tuple[str, str, str]] = []
    for line in COUNTRIES.strip().splitlines():
        country, aliases, demonyms, cities = (line.split("|") + ["", "", ""])[:4]
        out.append((country, "LOC", country))
        for alias in filter(None, aliases.split(";")):
            out.append((alias, "LOC", country))
        for demonym in filter(None, demonyms.split(";")):
            out.append((demonym, "NORP", country))
        for city in filter(None, cities.split(";")):
            out.append((city, "LOC", city))
    for place in filter(None, (p.strip() for p in (PLACES + "|" + MORE_PLACES).replace("\n", "").split("|"))):
        out.append((place, "LOC", place))
    for name in (GIVEN_NAMES + MORE_GIVEN_NAMES).split():
        out.append((name, "PERSON", name))
    for line in GROUPS.strip().splitlines():
        surface, canonical = line.split("|")
        out.append((surface, "NORP", canonical))
    for line in filter(str.strip, (ORGANISATIONS + COMPANIES + MORE_ORGANISATIONS + CLUBS).splitlines()):
        name, aliases = (line.split("|") + [""])[:2]
        out.append((name, "ORG", name))
        for alias in filter(None, aliases.split(";")):
            out.append((alias, "ORG", name))
    return out


def main() -> None:
    country_names = {line.split("|")[0] for line in COUNTRIES.strip().splitlines()}
    seen: dict[str, tuple[str, str]] = {}
    for surface, label, canonical in rows():
        if surface in seen and seen[surface][0] != label:
            # A city and a country or organisation with one name: the first listing wins.
            continue
        seen.setdefault(surface, (label, canonical))
    # Town clubs are a list of their own (flag ``club``): the same surface may be a place.
    clubs = [tuple(line.split("|")) for line in TOWN_CLUBS.strip().splitlines()]
    target = Path(__file__).resolve().parents[1] / "python" / "tidings" / "data" / "gazetteer.tsv"
    target.parent.mkdir(parents=True, exist_ok=True)
    lines = [
        "# tidings gazetteer: surface\tlabel\tcanonical\tflags (written for tidings from general knowledge;",
        "# regenerate with scripts/build_gazetteer.py). Licence: MIT, like tidings.",
    ]
    for surface in sorted(seen):
        label, canonical = seen[surface]
        flags = ",".join(
            f
            for f, on in (
                ("ambiguous", surface in AMBIGUOUS or label == "PERSON"),
                ("country", canonical in country_names and label == "LOC"),
            )
            if on
        )
        lines.append(f"{surface}\t{label}\t{canonical}\t{flags}")
    for surface, canonical in sorted(clubs):
        lines.append(f"{surface}\tORG\t{canonical}\tclub")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(seen)} entries and {len(clubs)} town clubs to {target}")


if __name__ == "__main__":
    main()
