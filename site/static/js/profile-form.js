// The expert profile form (experts/profile_forms.py): choosing a city sets its country,
// read from the JSON the page carries. Without script the server does the same.
(function () {
  var data = document.getElementById("city-countries");
  var city = document.getElementById("id_city");
  var country = document.getElementById("id_country");
  if (!data || !city || !country) {
    return;
  }
  var countries = JSON.parse(data.textContent);
  city.addEventListener("change", function () {
    if (countries[city.value]) {
      country.value = countries[city.value];
    }
  });
})();
