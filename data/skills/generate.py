#!/usr/bin/env python3
# SPDX-License-Identifier: CC0-1.0
"""Writes skills.tsv and relations.tsv from the lists below.

The lists were written by hand for Shortlist from general knowledge (no
external taxonomy was copied).  Format of skills.tsv, one skill a line:

    Canonical<TAB>Category<TAB>alias|alias|=CaseSensitiveAlias

An alias starting with "=" only matches when written exactly so (for names
that are ordinary words too: "Go", "R", "Excel").  relations.tsv lists close
relatives, one pair a line: A<TAB>B<TAB>kind.

Run: python3 data/skills/generate.py  (rewrites the two files next to it)
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))

# category -> entries "Canonical|alias|alias"
S = {}

S["Programming Languages"] = """
Python|python3|py
Java|=JAVA|core java|java se|java ee|j2ee|jee
JavaScript|js|java script|ecmascript|es6|es2015|vanilla js
TypeScript|ts
C|=C|c language|ansi c
C++|cpp|c plus plus|cplusplus
C#|c sharp|csharp
Go|=Go|golang
Rust|=Rust|rust lang
Ruby|=Ruby|ruby lang
PHP|php5|php7|php8
Perl
Swift|=Swift
Objective-C|objective c|objc
Kotlin
Scala
R|=R|r programming|r language|rstats
MATLAB|matlab|=Matlab
Julia|julia lang
Lua
Haskell
Erlang
Elixir
Clojure
F#|f sharp|fsharp
OCaml
Dart|=Dart
Groovy
Visual Basic|vb|vb6|visual basic 6
VB.NET|vb net|visual basic .net
VBA|excel vba|vba macros|macros
Fortran
COBOL
Pascal|=Pascal|object pascal
Delphi
Ada|=Ada
Assembly|assembly language|assembler|asm|x86 assembly|arm assembly
Bash|bash scripting|bash script
Shell Scripting|shell script|shell scripts|unix shell scripting|shell|sh
PowerShell|powershell scripting|power shell
SQL|structured query language|=Sql
PL/SQL|plsql|pl sql
T-SQL|tsql|transact-sql|transact sql
Prolog
Lisp|common lisp
Scheme|=Scheme
Racket
Smalltalk
Solidity
Apex|=Apex
ABAP|sap abap
RPG|=RPG|rpg iv|rpgle
SAS|sas programming|=SAS
Stata|=STATA
SPSS|ibm spss|spss statistics
LabVIEW|labview
Verilog
VHDL
SystemVerilog|system verilog
Tcl
AWK|=awk
Sed|=sed
CoffeeScript
Elm|=Elm
Crystal|=Crystal
Nim|=Nim
Zig|=Zig
D|=D lang
Hack|=Hack
Apache Groovy
GraphQL
HTML|html5|html 5|xhtml|dhtml
CSS|css3|css 3|cascading style sheets
Sass|scss
Less|=LESS
XML
XSLT|xsl|xslt 2.0
XPath
XQuery
JSON
YAML|yml
Markdown
LaTeX|latex|tex
JSP|java server pages|javaserver pages
ASP|classic asp|active server pages
ASP.NET|asp net|asp.net mvc|asp.net core|aspnet
Razor
WebAssembly|wasm
CUDA
OpenCL
OpenMP
MPI|=MPI|message passing interface
GLSL
HLSL
ActionScript|action script
ColdFusion|cold fusion|cfml
Jython
JRuby
Cython
Processing|=Processing
Scratch|=Scratch
Logo|=LOGO
Standard ML|=SML|sml/nj
Q#|q sharp
Mojo|=Mojo
"""

S["Web Frameworks and Libraries"] = """
React|react.js|reactjs|react js
Angular|angularjs|angular.js|angular 2|angular js|angular2
Vue.js|vue|vuejs|vue js|vue 3
Svelte|sveltekit
Next.js|nextjs|next js
Nuxt.js|nuxt|nuxtjs
Ember.js|ember|emberjs
Backbone.js|backbone|backbonejs
jQuery|jquery ui|jquery mobile
Node.js|node|nodejs|node js
Express.js|expressjs|express js|=Express
NestJS|nest.js|nestjs
Koa|koa.js
Fastify
Meteor|meteor.js
Redux|redux toolkit
MobX
RxJS|reactive extensions
Bootstrap|twitter bootstrap
Tailwind CSS|tailwind|tailwindcss
Material UI|mui|material-ui
Foundation|=Foundation CSS
Bulma
Semantic UI
Gatsby|gatsbyjs
Remix|=Remix
Astro|=Astro
Three.js|threejs
D3.js|d3|d3js
Chart.js|chartjs
Highcharts
Leaflet|leaflet.js
Webpack
Babel|=Babel
Vite|vitejs
Rollup|rollup.js
Parcel|=Parcel
Gulp|gulp.js
Grunt|grunt.js
npm|=NPM
Yarn|=Yarn
pnpm
Bower
Django|django rest framework|drf
Flask
FastAPI|fast api
Pyramid|=Pyramid
Tornado|=Tornado
Spring|=Spring|spring framework
Spring Boot|springboot|spring-boot
Spring MVC
Spring Security
Spring Cloud
Hibernate|hibernate orm
Struts|apache struts|struts 2
JSF|java server faces|javaserver faces
Play Framework|play framework
Vert.x
Quarkus
Micronaut
Dropwizard
Ruby on Rails|rails|ror|ruby-on-rails
Sinatra|=Sinatra
Laravel
Symfony
CodeIgniter|code igniter
CakePHP
Zend Framework|zend
Yii
Drupal
WordPress|word press|wp
Joomla
Magento
Shopify
WooCommerce
PrestaShop
.NET|dotnet|dot net|.net framework|net framework
.NET Core|dotnet core|net core
Entity Framework|ef core|entity framework core
ADO.NET|ado net
WCF|windows communication foundation
WPF|windows presentation foundation
WinForms|windows forms
Blazor
Xamarin
SignalR
LINQ
Phoenix|=Phoenix framework
Gin|=Gin
Echo|=Echo framework
Fiber|=Fiber
Actix
Rocket|=Rocket
Ionic|ionic framework
Cordova|apache cordova|phonegap
React Native|react-native|reactnative
Flutter
SwiftUI
UIKit
Jetpack Compose
Electron|electron.js
Qt|=Qt|qt framework|qml
GTK|gtk+|gtk4|gtk3
JavaFX
Swing|=Swing|java swing
AWT|=AWT
Unity|=Unity|unity3d|unity 3d
Unreal Engine|unreal|ue4|ue5
Godot
OpenGL
Vulkan
DirectX|direct3d
WebGL
SDL|=SDL
Cocos2d
Storybook
Alpine.js
HTMX
Handlebars|handlebars.js
Mustache|=Mustache
Thymeleaf
Jinja|jinja2
Pug|=Pug|jade
EJS
Apollo GraphQL|apollo
Relay|=Relay
Socket.IO|socket.io|socketio
Axios
Lodash|underscore.js
Moment.js|momentjs
"""

S["Databases"] = """
PostgreSQL|postgres|postgresql|psql|pgsql|postgre sql
MySQL|my sql|mysql server
MariaDB
SQLite|sqlite3
Oracle Database|oracle db|oracle 11g|oracle 12c|oracle 10g|oracle 19c|=Oracle|oracle rdbms
Microsoft SQL Server|sql server|mssql|ms sql|ms sql server|mssql server|sqlserver
IBM Db2|db2|ibm db2
Sybase
Teradata
Informix
MongoDB|mongo|mongo db
Cassandra|apache cassandra
Redis
Memcached
Couchbase
CouchDB|apache couchdb
DynamoDB|amazon dynamodb|aws dynamodb
Neo4j
Elasticsearch|elastic search|elk
OpenSearch
Solr|apache solr
Lucene|apache lucene
HBase|apache hbase
InfluxDB
TimescaleDB
ClickHouse
Snowflake|=Snowflake
Amazon Redshift|redshift
Google BigQuery|bigquery|big query
Azure SQL Database|azure sql
Cosmos DB|azure cosmos db|cosmosdb
Firebase|firebase realtime database
Firestore|cloud firestore
Realm|=Realm
Microsoft Access|ms access|=Access|access database
FileMaker
dBase
Hive|apache hive|=Hive
Presto|=Presto|trino
Apache Druid|druid
Vertica
Greenplum
Netezza
SAP HANA|hana
CockroachDB
Supabase
PlanetScale
RavenDB
ArangoDB
OrientDB
Berkeley DB
LevelDB
RocksDB
etcd
Consul|=Consul
Pinecone|=Pinecone
Milvus
Weaviate
pgvector
PostGIS
NoSQL|no sql
RDBMS|relational databases|relational database
Database Design|database modeling|data modeling|data modelling
Database Administration|dba|database management
Stored Procedures|stored procedure
Query Optimization|query tuning|sql tuning|performance tuning
ETL|extract transform load|etl processes
Data Warehousing|data warehouse|dwh|edw
OLAP
OLTP
"""

S["Cloud and DevOps"] = """
Amazon Web Services|aws|amazon aws
Microsoft Azure|azure|ms azure|windows azure
Google Cloud Platform|gcp|google cloud
IBM Cloud
Oracle Cloud|oci
Alibaba Cloud
DigitalOcean|digital ocean
Heroku
Netlify
Vercel
Cloudflare
OpenStack
VMware|vmware vsphere|vsphere|esxi|vmware esxi
Hyper-V|hyper v|hyperv
VirtualBox|virtual box
KVM|=KVM
Xen|=Xen
Proxmox
Docker|docker compose|docker-compose|dockerfile
Podman
Kubernetes|k8s|kube
OpenShift|red hat openshift
Helm|=Helm|helm charts
Rancher
Nomad|=Nomad
Docker Swarm|swarm
Istio
Linkerd
Envoy|=Envoy
Terraform|terraform cloud
Pulumi
CloudFormation|aws cloudformation
Ansible
Puppet|=Puppet
Chef|=Chef Infra
SaltStack|salt stack
Vagrant
Packer|=Packer
Jenkins|=Jenkins|jenkins ci
GitLab CI|gitlab ci/cd|gitlab-ci
GitHub Actions|github actions
CircleCI|circle ci
Travis CI|travis
TeamCity
Bamboo|=Bamboo
Azure DevOps|vsts|tfs|team foundation server
Argo CD|argocd
Flux|=FluxCD
Spinnaker
Tekton
CI/CD|ci cd|cicd|continuous integration|continuous delivery|continuous deployment
DevOps|dev ops
DevSecOps
Site Reliability Engineering|sre
Infrastructure as Code|iac
GitOps
Prometheus
Grafana
Nagios
Zabbix
Datadog|data dog
New Relic|newrelic
Splunk
Kibana
Logstash
Fluentd
Jaeger
OpenTelemetry
PagerDuty
Dynatrace
AppDynamics
Nginx|=NGINX
Apache HTTP Server|apache httpd|apache web server|httpd
Apache Tomcat|tomcat
JBoss|wildfly
WebLogic|oracle weblogic
WebSphere|ibm websphere
IIS|internet information services
HAProxy
Traefik
Varnish
Squid|=Squid
AWS Lambda|lambda|=Lambda
Amazon EC2|ec2|aws ec2
Amazon S3|s3|aws s3
Amazon RDS|rds|aws rds
Amazon ECS|ecs|aws ecs
Amazon EKS|eks|aws eks
Amazon SQS|sqs|aws sqs
Amazon SNS|sns|aws sns
Amazon CloudWatch|cloudwatch
AWS IAM|=IAM
Amazon Route 53|route 53|route53
Amazon CloudFront|cloudfront
AWS Glue|glue|=Glue
Amazon Kinesis|kinesis
Amazon EMR|emr|aws emr
Amazon SageMaker|sagemaker
AWS Step Functions|step functions
AWS Elastic Beanstalk|elastic beanstalk
Amazon API Gateway|api gateway
AWS CDK
Amazon Athena|athena|=Athena
Amazon Aurora|aurora|=Aurora
Azure Functions
Azure Kubernetes Service|aks
Azure Data Factory|adf|data factory
Azure Synapse|synapse analytics
Azure Active Directory|azure ad|entra id
Azure Blob Storage|blob storage
Azure App Service
Google Kubernetes Engine|gke
Google Cloud Functions|cloud functions
Google Cloud Run|cloud run
Google Cloud Storage|gcs
Google Pub/Sub|pub/sub|pubsub
Google Dataflow|dataflow
Google App Engine|app engine
Serverless|serverless architecture
Microservices|micro services|microservice architecture|microservices architecture
Service Mesh
Load Balancing|load balancer|load balancers
High Availability
Disaster Recovery
Cloud Computing|cloud
Virtualization|virtualisation
Containerization|containers|containerisation
"""

S["Data and Machine Learning"] = """
Machine Learning|ml|=ML|machine-learning|maschinelles lernen|apprentissage automatique|aprendizaje automatico|aprendizado de maquina|apprendimento automatico
Deep Learning|dl|=DL|deep neural networks
Artificial Intelligence|ai|=AI|a.i.|kunstliche intelligenz|intelligence artificielle|inteligencia artificial|intelligenza artificiale
Natural Language Processing|nlp|=NLP
Computer Vision|cv|=CV vision|image processing|image recognition
Data Science|data scientist
Data Analysis|data analytics|data analyses|datenanalyse|analyse de donnees|analisis de datos|analise de dados|analisi dei dati
Data Mining
Data Visualization|data visualisation|dataviz|data viz
Big Data
Statistics|statistical analysis|statistik|statistique|estadistica|estatistica|statistica
Predictive Modeling|predictive modelling|predictive analytics
Regression Analysis|regression|linear regression|logistic regression
Time Series Analysis|time series|forecasting
A/B Testing|ab testing|a/b tests|split testing
Reinforcement Learning
Neural Networks|neural network|ann
Convolutional Neural Networks|cnn|cnns
Recurrent Neural Networks|rnn|lstm
Transformers|=Transformers|transformer models
Large Language Models|llm|llms|=LLM
Generative AI|genai|gen ai
Prompt Engineering
Retrieval-Augmented Generation|rag|=RAG
Feature Engineering
Information Retrieval
Recommender Systems|recommendation systems|recommendation engines
Speech Recognition
Sentiment Analysis
Text Mining
Clustering|=Clustering
Classification|=Classification
Decision Trees|decision tree
Random Forest|random forests
Gradient Boosting|gbm
XGBoost
LightGBM
CatBoost
Support Vector Machines|svm|svms
Bayesian Statistics|bayesian methods|bayesian inference
Monte Carlo Simulation|monte carlo
Optimization|=Optimization|mathematical optimization|operations research
Linear Algebra
TensorFlow|tensor flow|tf2
PyTorch|torch|=Torch
Keras
scikit-learn|sklearn|scikit learn|scikit
pandas|=Pandas|=pandas
NumPy|numpy
SciPy|scipy
Matplotlib
Seaborn
Plotly
Bokeh
Jupyter|jupyter notebook|jupyter notebooks|jupyterlab|ipython
Anaconda|conda
Hugging Face|huggingface
spaCy|spacy
NLTK
Gensim
OpenCV|open cv
Pillow|pil
LangChain
LlamaIndex
MLflow
Kubeflow
Airflow|apache airflow
Luigi|=Luigi
Prefect|=Prefect
Dagster
dbt|=dbt|data build tool
Apache Spark|spark|pyspark|spark sql|=Spark
Hadoop|apache hadoop|hdfs|mapreduce|map reduce
Apache Kafka|kafka
Apache Flink|flink
Apache Beam|beam
Apache Storm|storm
Apache Pig|pig latin|=Pig
Apache NiFi|nifi
Sqoop
Oozie
Databricks
Delta Lake
Apache Iceberg|iceberg
Apache Parquet|parquet
Avro|apache avro
ORC|=ORC
Tableau
Power BI|powerbi|microsoft power bi|power-bi
Looker
Qlik|qlikview|qlik sense
MicroStrategy
Cognos|ibm cognos
SAP BusinessObjects|business objects|bo
SSRS|sql server reporting services
SSIS|sql server integration services
SSAS|sql server analysis services
Informatica|informatica powercenter
Talend
Alteryx
KNIME
RapidMiner
Pentaho
Excel|=Excel|ms excel|microsoft excel|advanced excel|=EXCEL
Google Sheets
Google Analytics|ga4
Google Tag Manager|gtm
Adobe Analytics
Mixpanel
Amplitude|=Amplitude
Business Intelligence|bi|=BI
Data Engineering|data engineer
Data Pipelines|data pipeline
Data Governance
Data Quality
Data Cleaning|data cleansing|data wrangling
Master Data Management|mdm
Web Scraping|scraping|beautifulsoup|beautiful soup|scrapy
Quantitative Analysis|quantitative research
Econometrics
Biostatistics
Bioinformatics
Geographic Information Systems|gis|arcgis|qgis
Remote Sensing
Simulation|=Simulation
"""

S["Software Engineering"] = """
Object-Oriented Programming|oop|oops|object oriented programming|object oriented design|ood|object-oriented design
Functional Programming
Design Patterns|design pattern|gang of four
Software Architecture|system architecture
System Design
Domain-Driven Design|ddd
Test-Driven Development|tdd
Behavior-Driven Development|bdd
Unit Testing|unit tests|unit test
Integration Testing
Test Automation|automated testing|automation testing
Manual Testing
Software Testing|testing|qa testing|quality assurance testing
Quality Assurance|qa|=QA
Performance Testing|load testing|stress testing
Regression Testing
User Acceptance Testing|uat
Selenium|selenium webdriver
Cypress|=Cypress
Playwright
Puppeteer
JUnit
TestNG
Mockito
pytest|py.test
unittest
Jest|=Jest
Mocha|=Mocha
Jasmine|=Jasmine
Karma|=Karma
Cucumber|=Cucumber
Postman
SoapUI|soap ui
JMeter|apache jmeter
LoadRunner
Gatling|=Gatling
Appium
Robot Framework
QTP|uft|unified functional testing
TestRail
Git|=GIT|=git
GitHub|git hub
GitLab|git lab
Bitbucket
Subversion|svn
Mercurial
CVS|=CVS
Perforce
ClearCase
Maven|apache maven
Gradle
Ant|=Ant|apache ant
Make|=Makefile|makefiles|gnu make
CMake
Bazel
Meson|=Meson
Autotools
npm scripts
REST APIs|rest|restful|restful apis|rest api|restful web services|restful services|=REST
SOAP|soap web services
gRPC|grpc
Web Services|webservices|web service
API Design|api development|apis|=API
OpenAPI|swagger
JSON Web Tokens|jwt
OAuth|oauth2|oauth 2.0
WebSockets|websocket
Message Queues|message queue|messaging
RabbitMQ|rabbit mq
ActiveMQ|apache activemq
ZeroMQ|zeromq|0mq
MQTT
Apache Camel|camel
MuleSoft|mule esb|mule
Enterprise Service Bus|esb
Service-Oriented Architecture|soa
Event-Driven Architecture|event driven architecture|event sourcing|cqrs
Multithreading|multi-threading|concurrency|concurrent programming
Parallel Computing|parallel programming
Distributed Systems|distributed computing
Embedded Systems|embedded|embedded software|firmware
Real-Time Systems|rtos|real time operating systems
FreeRTOS
Device Drivers|drivers|=Drivers
Linux Kernel|kernel development
Compilers|compiler design
Algorithms|algorithm design
Data Structures|data structure|dsa
Code Review|code reviews
Debugging|troubleshooting code
Refactoring
Clean Code
SOLID|=SOLID
Agile|agile methodologies|agile methodology|agile development|agil|agile software development
Scrum|scrum methodology
Kanban
Waterfall|waterfall methodology
Lean|=Lean|lean methodology
Extreme Programming|xp
SAFe|scaled agile framework|scaled agile
SDLC|software development life cycle|software development lifecycle
Jira|jira software|atlassian jira|=JIRA
Confluence
Trello
Asana|=Asana
Monday.com
Notion|=Notion
Slack|=Slack
Microsoft Teams|ms teams|=Teams
Zoom|=Zoom
Visual Studio|ms visual studio|visual studio 2019|visual studio 2022
Visual Studio Code|vs code|vscode
IntelliJ IDEA|intellij|intellij idea
Eclipse|=Eclipse|eclipse ide
NetBeans
PyCharm
Android Studio
Xcode
Vim|=vim|neovim
Emacs
Sublime Text|sublime
Atom|=Atom editor
Notepad++
Linux|gnu/linux|=LINUX
Unix|=UNIX|unix/linux
Windows|=Windows|microsoft windows|ms windows|windows 10|windows 7|windows xp|windows 11
Windows Server|windows server 2012|windows server 2016|windows server 2019|windows 2003|windows server 2008
macOS|mac os|mac osx|os x|osx|mac os x
Ubuntu
Debian|=Debian
Red Hat Enterprise Linux|rhel|redhat|red hat linux|red hat
CentOS
Fedora|=Fedora
SUSE|suse linux|opensuse
Android|android development|android sdk
iOS|ios development|=IOS
Solaris
AIX|ibm aix
HP-UX|hpux
z/OS|zos|mainframe|ibm mainframe
JCL
CICS
DB2 UDB
Active Directory|ad|=AD|ms active directory
LDAP
Kerberos
DNS|=DNS
DHCP
TCP/IP|tcp ip|tcpip|tcp
HTTP|http/https|https
SSH|=SSH
FTP|sftp
SMTP
VPN|=VPN
VoIP|voip
Networking|computer networks|network administration|networks
Routing and Switching|routing|switching|routing & switching
Cisco|cisco ios|cisco routers
CCNA
CCNP
Juniper|juniper networks
Firewalls|firewall|firewall configuration
Wireshark
Network Security
Cybersecurity|cyber security|information security|infosec|it security|security
Penetration Testing|pen testing|pentesting|ethical hacking
Vulnerability Assessment|vulnerability management|vulnerability scanning
SIEM
Incident Response
Security Operations Center|soc
Identity and Access Management|iam|=IAM
Cryptography|encryption
PKI|public key infrastructure
ISO 27001|iso/iec 27001
GDPR|dsgvo|rgpd
HIPAA
PCI DSS|pci|pci-dss
SOX|=SOX|sarbanes-oxley|sarbanes oxley
NIST|=NIST
OWASP
Metasploit
Burp Suite|burp
Nmap
Nessus
Kali Linux|kali
Snort|=Snort
ITIL|itil v3|itil v4|itil foundation
IT Service Management|itsm
ServiceNow|service now
Remedy|bmc remedy
Help Desk|helpdesk|service desk|it support|technical support|desktop support
Hardware Troubleshooting|hardware|pc hardware
System Administration|sysadmin|systems administration|system administrator
Backup and Recovery|backup|backups
Storage|=SAN|=NAS|san storage
NetApp
EMC|=EMC|dell emc
Citrix|citrix xenapp|xendesktop
Exchange Server|microsoft exchange|ms exchange|exchange
Office 365|o365|microsoft 365|m365
SharePoint|ms sharepoint|microsoft sharepoint|share point
Lotus Notes|lotus domino|domino
SCCM|microsoft sccm|configuration manager
Intune|microsoft intune
Group Policy|gpo
PowerApps|power apps
Power Automate|microsoft flow
Dynamics 365|microsoft dynamics|ms dynamics|dynamics crm|dynamics ax|dynamics nav
Salesforce|sfdc|salesforce.com|salesforce crm
HubSpot|hub spot
Zoho|zoho crm
SAP|=SAP|sap erp|sap r/3|sap ecc|sap s/4hana|s/4hana
SAP FICO|sap fi/co|sap fi co|fico
SAP MM|sap materials management
SAP SD|sap sales and distribution
SAP HR|sap hcm
SAP BW|sap bi|sap bw/bi
Oracle E-Business Suite|oracle ebs|oracle apps|oracle applications
Oracle Fusion
PeopleSoft
Workday|=Workday
NetSuite|oracle netsuite
Odoo
Infor|=Infor
JD Edwards|jde
QuickBooks|quick books|quickbooks online
Tally|tally erp|tally erp 9|=Tally
Xero|=Xero
Sage|=Sage|sage 50
DATEV
Blockchain|block chain|distributed ledger
Ethereum
Smart Contracts
Web3
Internet of Things|iot|=IoT
Arduino
Raspberry Pi|raspberry
PLC|=PLC|plc programming|programmable logic controllers
SCADA
Robotics|robotic
ROS|=ROS|robot operating system
Augmented Reality|ar|=AR
Virtual Reality|vr|=VR
Game Development|game design|game programming
Mobile Development|mobile app development|mobile applications|mobile apps
Web Development|web developer|web design and development|webentwicklung
Front-End Development|frontend|front end|front-end|frontend development|front end development
Back-End Development|backend|back end|back-end|backend development|back end development
Full-Stack Development|full stack|fullstack|full-stack|full stack development
Responsive Web Design|responsive design|responsive
Web Design|webdesign|website design
Search Engine Optimization|seo|=SEO|suchmaschinenoptimierung
Accessibility|web accessibility|a11y|wcag
Progressive Web Apps|pwa
Single Page Applications|spa|=SPA
AJAX|ajax
Web Performance
Content Management Systems|cms|=CMS
E-commerce|ecommerce|e commerce|online commerce
Localization|l10n|internationalization|i18n
Technical Writing|technical documentation|documentation
UML|unified modeling language
BPMN
Requirements Analysis|requirements gathering|requirement analysis|requirements engineering|requirements management
Business Analysis|business analyst
Systems Analysis|system analysis
Functional Specifications|functional specification|specifications
User Stories
Use Cases|use case
Wireframing|wireframes|wireframe
Prototyping|prototypes|rapid prototyping
"""

S["Design and Media"] = """
Adobe Photoshop|photoshop|ps|=PS
Adobe Illustrator|illustrator|=AI illustrator
Adobe InDesign|indesign|in design
Adobe XD|adobe xd|=XD
Adobe Premiere Pro|premiere pro|premiere|adobe premiere
Adobe After Effects|after effects
Adobe Lightroom|lightroom
Adobe Acrobat|acrobat|adobe acrobat pro
Adobe Dreamweaver|dreamweaver|macromedia dreamweaver
Adobe Flash|flash|macromedia flash|=Flash
Adobe Creative Suite|creative suite|adobe cs|adobe creative cloud|creative cloud|adobe suite
Adobe Audition|audition
Adobe Animate
Figma
Sketch|=Sketch
InVision|invision
Canva
CorelDRAW|corel draw|coreldraw
GIMP|=GIMP
Inkscape
Blender|=Blender
Autodesk Maya|maya|=Maya
3ds Max|3d max|3dsmax|autodesk 3ds max
Cinema 4D|c4d
ZBrush
Final Cut Pro|final cut
DaVinci Resolve|davinci
Avid Media Composer|avid
Pro Tools|protools
Logic Pro|logic pro x
Ableton Live|ableton
FL Studio
Audacity
QuarkXPress|quark xpress|quark
FrontPage|microsoft frontpage|ms frontpage
Graphic Design|graphic designer|grafikdesign|design graphique|diseno grafico
UI Design|user interface design|ui
UX Design|user experience design|ux|=UX|user experience
UI/UX|ui/ux design|ux/ui
Interaction Design
Visual Design
Product Design
Motion Graphics|motion design
Video Editing|video production|videography
Photography|photo editing|fotografie|photographie|fotografia
Animation|2d animation|3d animation
3D Modeling|3d modelling|3d modeling
Illustration|=Illustration
Typography
Branding|brand identity|brand design
Logo Design
Print Design|print production
Desktop Publishing|dtp
Color Theory
Storyboarding|storyboard
Copywriting|copy writing|texterstellung
Content Writing|content creation|content development
Editing|=Editing|proofreading|copy editing|copyediting
Journalism
Public Speaking|presentation skills|presentations|=Presentations
"""

S["Engineering and CAD"] = """
AutoCAD|auto cad|autocad 2d|autocad 3d
SolidWorks|solid works
CATIA|catia v5
Creo|ptc creo|pro/engineer|pro engineer|proe
Siemens NX|unigraphics|=NX
Autodesk Inventor|inventor|=Inventor
Revit|autodesk revit
Fusion 360|autodesk fusion
SketchUp|sketch up|google sketchup
ANSYS|ansys fluent|ansys workbench
Abaqus
COMSOL
Simulink
LTspice|spice|pspice
Altium Designer|altium
Eagle|=Eagle|eagle cad
KiCad
OrCAD
Cadence|=Cadence|cadence virtuoso
Xilinx|vivado|xilinx ise
Quartus|intel quartus
FPGA|fpga design
PCB Design|pcb layout|pcb
Circuit Design|circuit analysis
Analog Design|analog circuits
Digital Design|digital electronics|digital circuits
Power Electronics
Signal Processing|dsp|digital signal processing
Control Systems|control engineering|control theory
Mechanical Design|machine design
Finite Element Analysis|fea|fem|finite element method
Computational Fluid Dynamics|cfd
Thermodynamics
Fluid Mechanics
Heat Transfer
Structural Analysis|structural engineering
Geotechnical Engineering
Civil Engineering
Surveying|=Surveying|land surveying
Primavera|primavera p6|oracle primavera
Microsoft Project|ms project|ms-project|msp|=MS Project|project server
GD&T|geometric dimensioning and tolerancing
Six Sigma|6 sigma|lean six sigma|six sigma green belt|six sigma black belt|green belt|black belt
Lean Manufacturing|lean production
Kaizen
5S|=5S
Root Cause Analysis|rca|root-cause analysis
FMEA|failure mode and effects analysis
Statistical Process Control|spc
Total Quality Management|tqm
ISO 9001|iso 9001:2015|iso 9000
Quality Control|qc|=QC|quality inspection
Quality Management|quality management systems|qms
CNC|=CNC|cnc programming|cnc machining
CAM|=CAM|computer aided manufacturing
CAD|=CAD|computer aided design|computer-aided design
Manufacturing Processes|manufacturing
Process Engineering|process improvement|process optimization|continuous improvement
Production Planning|production scheduling
Supply Chain Management|supply chain|scm|lieferkettenmanagement
Logistics|=Logistics|logistik|logistique|logistica
Inventory Management|inventory control|stock control|inventory
Procurement|purchasing|einkauf|achats|compras|acquisti|inkoop
Vendor Management|supplier management|vendor relations
Warehouse Management|warehousing|wms
Materials Management
Demand Planning|demand forecasting
MRP|=MRP|material requirements planning
ERP|=ERP|enterprise resource planning
HVAC
Electrical Wiring|wiring
Welding
Plumbing
Carpentry
Machining
Maintenance|=Maintenance|preventive maintenance|predictive maintenance
Health and Safety|hse|ehs|occupational health and safety|osha|workplace safety
Environmental Compliance
Renewable Energy|solar energy|wind energy
Energy Management
Oil and Gas|oil & gas
Automotive|automotive engineering
Aerospace|aerospace engineering
Biomedical Engineering
Chemical Engineering
Materials Science
Nanotechnology
Metrology
Instrumentation
Telecommunications|telecom|telecommunication
RF Engineering|rf|radio frequency
5G|=5G
LTE|=LTE
GSM|=GSM
Fiber Optics|optical fiber|fibre optics
"""

S["Business and Management"] = """
Project Management|projektmanagement|gestion de projet|gestion de proyectos|gestao de projetos|gestione progetti|projectmanagement|project manager
Program Management|programme management
Portfolio Management
Product Management|produktmanagement|product manager
Product Owner|po|=PO
Change Management|change control
Risk Management|risikomanagement|gestion des risques|gestion de riesgos|gestao de riscos|gestione del rischio
Stakeholder Management|stakeholder engagement
Strategic Planning|strategy|strategie|estrategia|strategia|business strategy|strategy development
Business Development|business dev|geschaftsentwicklung|developpement commercial|desarrollo de negocio|desenvolvimento de negocios|sviluppo commerciale
Operations Management|operations
General Management
People Management|team management|staff management|managing teams|personalfuhrung
Team Building
Mentoring|coaching|=Coaching
Budgeting|budget management|budget planning|budgetierung
Cost Control|cost reduction|cost management
Forecasting|=Forecasting
Financial Analysis|financial modeling|financial modelling|finanzanalyse
Financial Reporting
Financial Planning|fp&a
Accounting|buchhaltung|comptabilite|contabilidad|contabilidade|contabilita|boekhouding|accountancy
Bookkeeping
Accounts Payable|ap|=AP
Accounts Receivable|ar
General Ledger|gl
Payroll|lohnbuchhaltung|paie|nomina|folha de pagamento
Auditing|audit|internal audit|external audit|wirtschaftsprufung
Taxation|tax|tax preparation|steuern|fiscalite|fiscalidad
IFRS
US GAAP|gaap
Controlling|=Controlling
Treasury|=Treasury
Corporate Finance
Investment Banking
Private Equity
Venture Capital
Asset Management
Wealth Management
Portfolio Analysis
Equity Research
Credit Analysis|credit risk
Underwriting
Banking|=Banking
Insurance|=Insurance
Actuarial Science|actuarial
Mergers and Acquisitions|m&a|mergers & acquisitions
Due Diligence
Valuation|=Valuation|business valuation
Bloomberg Terminal|bloomberg
Reuters|=Reuters|refinitiv
Anti-Money Laundering|aml|kyc
Compliance|regulatory compliance|compliance management
Corporate Governance|governance
Contract Management|contract negotiation|contracts
Negotiation|negotiations|verhandlungsfuhrung|negociation|negociacion|negociacao|negoziazione|onderhandelen
Sales|=Sales|vertrieb|vente|ventas|vendas|vendite|verkoop
Sales Management
B2B Sales|b2b
B2C|=B2C
Account Management|key account management|kam
Customer Relationship Management|crm|=CRM
Lead Generation
Cold Calling
Retail Sales|retail
Merchandising|visual merchandising
Marketing|=Marketing
Digital Marketing|online marketing|internet marketing|marketing digital
Content Marketing
Social Media Marketing|social media|smm|social media management
Email Marketing|e-mail marketing|newsletter
Search Engine Marketing|sem|=SEM|google ads|adwords|google adwords|ppc|pay per click
Affiliate Marketing
Influencer Marketing
Brand Management|brand marketing
Market Research|marktforschung|etude de marche|investigacion de mercados|pesquisa de mercado|ricerca di mercato|marktonderzoek
Marketing Strategy
Product Marketing
Marketing Automation|marketo|pardot|mailchimp
Public Relations|pr|=PR|media relations|offentlichkeitsarbeit|relations publiques|relaciones publicas
Corporate Communications|internal communications|communications
Event Management|event planning|events
Advertising|werbung|publicite|publicidad|publicidade|pubblicita
Customer Service|customer support|client service|kundenservice|service client|atencion al cliente|atendimento ao cliente|servizio clienti|klantenservice
Customer Experience|cx
Customer Success
Call Center|call centre|contact center
Human Resources|hr|=HR|personalwesen|ressources humaines|recursos humanos|risorse umane|personeelszaken
Recruitment|recruiting|talent acquisition|hiring|personalbeschaffung|recrutement|reclutamiento|recrutamento|selezione del personale|werving
Onboarding
Employee Relations
Performance Management|performance appraisal|performance reviews
Compensation and Benefits|compensation|benefits administration
Training and Development|learning and development|l&d|training|staff training
Organizational Development|organisational development
Talent Management
Workforce Planning
HRIS
Labor Law|employment law|arbeitsrecht|droit du travail|derecho laboral
Office Administration|administration|office management|buroorganisation|administratif
Data Entry
Scheduling|calendar management
Bookings|reservations
Reception|front desk|receptionist
Clerical|clerical work
Records Management|document management|filing
Travel Management|travel arrangements
Facilities Management|facility management
Real Estate|property management|immobilien|immobilier|bienes raices
Consulting|=Consulting|management consulting|beratung|conseil|consultoria|consulenza|advies
Business Process Improvement|business process management|bpm|process mapping|business process reengineering|bpr
Business Intelligence Reporting|reporting|=Reporting
KPI|kpis|key performance indicators
OKR|okrs
Balanced Scorecard
SWOT Analysis|swot
Benchmarking
Competitive Analysis|competitor analysis
Feasibility Studies|feasibility study
Business Plans|business planning|business plan
Entrepreneurship|entrepreneurial
Startup|start-up|startups
Innovation Management|innovation
Import/Export|import export|foreign trade|international trade
Customs|=Customs|customs clearance
Freight|freight forwarding
Fleet Management
Transportation Management|transportation
Hospitality|hospitality management|hotel management
Food and Beverage|f&b|food & beverage
Food Safety|haccp
Cooking|culinary|culinary arts
Catering
Tourism|=Tourism|tourismus|tourisme|turismo
Event Coordination
Fundraising
Grant Writing|grant writing
Nonprofit Management|non-profit
Volunteer Management
Community Outreach|outreach
Policy Analysis|public policy
Public Administration
Legal Research
Litigation
Contract Law
Corporate Law
Intellectual Property|ip law|patents|trademarks
Legal Writing|legal drafting
Paralegal|=Paralegal
Notary|=Notary
"""

S["Healthcare and Science"] = """
Patient Care|patientenversorgung|soins aux patients|atencion al paciente
Nursing|pflege|soins infirmiers|enfermeria|enfermagem|infermieristica|verpleging
Clinical Research|clinical trials
Good Clinical Practice|gcp|=GCP
Good Manufacturing Practice|gmp|=GMP
Good Laboratory Practice|glp|=GLP
Pharmacovigilance
Regulatory Affairs
Medical Devices
Medical Coding|icd-10|icd 10|cpt coding
Medical Billing
Electronic Health Records|ehr|emr|electronic medical records
Epic Systems|=Epic|epic emr
Cerner
Phlebotomy
Venipuncture
CPR|=CPR|cardiopulmonary resuscitation
First Aid|erste hilfe|premiers secours|primeros auxilios
Basic Life Support|bls
Advanced Cardiac Life Support|acls
Pediatric Advanced Life Support|pals
Vital Signs
Medication Administration
Wound Care
Infection Control
Triage|=Triage
Physiotherapy|physical therapy|physiotherapie|fisioterapia|kinesitherapie
Occupational Therapy
Speech Therapy|speech-language pathology
Radiology|x-ray|=MRI|=CT scan
Ultrasound|sonography
Laboratory Skills|lab skills|laboratory techniques|laborarbeit
PCR|=PCR|qpcr|rt-pcr
ELISA|=ELISA
Western Blot|western blotting
Cell Culture|tissue culture
Flow Cytometry|facs
Microscopy|confocal microscopy|electron microscopy
Chromatography|hplc|gc-ms|gas chromatography
Mass Spectrometry|ms spectrometry|lc-ms
Spectroscopy|nmr|ftir|uv-vis
Molecular Biology
Microbiology
Biochemistry
Genetics|genomics
Next-Generation Sequencing|ngs|dna sequencing|sequencing
CRISPR
Immunology
Pharmacology
Toxicology
Epidemiology
Public Health
Nutrition|dietetics|ernahrung
Mental Health|counseling|counselling|psychotherapy
Cognitive Behavioral Therapy|cbt
Social Work|sozialarbeit|travail social|trabajo social|servico social|lavoro sociale|maatschappelijk werk
Case Management
Child Care|childcare|kinderbetreuung|garde d'enfants|cuidado de ninos
Elderly Care|aged care|geriatric care|altenpflege
Special Education|special needs|sen
Teaching|lehre|enseignement|ensenanza|ensino|insegnamento|lesgeven
Curriculum Development|curriculum design
Lesson Planning|lesson plans
Classroom Management
E-Learning|elearning|online learning|moodle|blackboard
Instructional Design
Tutoring|nachhilfe|soutien scolaire
Research|=Research|forschung|recherche|investigacion|pesquisa|ricerca|onderzoek
Scientific Writing|academic writing
Literature Review
Grant Proposals
Laboratory Management
Chemistry|chemie|chimie|quimica|chimica
Physics|physik|physique|fisica|natuurkunde
Mathematics|math|maths|mathematik|mathematiques|matematicas|matematica|wiskunde
Biology|biologie|biologia
Ecology
Environmental Science
Geology
Astronomy
"""

S["Office and Productivity"] = """
Microsoft Office|ms office|msoffice|ms-office|office suite|microsoft office suite|=MS Office|office 2010|office 2016|microsoft suite
Microsoft Word|ms word|=Word|word processing|winword
Microsoft PowerPoint|powerpoint|ms powerpoint|power point|ppt
Microsoft Outlook|outlook|ms outlook
Microsoft Visio|visio|ms visio
Microsoft OneNote|onenote
Google Workspace|g suite|gsuite|google apps|google docs
LibreOffice|openoffice|open office
Apple Keynote|keynote|=Keynote
Apple Pages|=Pages
Apple Numbers|=Numbers
Lotus 1-2-3|lotus
Typing|touch typing|10-key|ten key
Shorthand|=Shorthand|stenography
Transcription
Translation|translating|ubersetzung|traduction|traduccion|traducao|traduzione|vertaling
Interpretation|interpreting|dolmetschen|interpretariat
Driving License|driver's license|drivers license|fuhrerschein|permis de conduire|permis b|carnet de conducir|carta de conducao|patente di guida|rijbewijs
"""

S["Soft Skills"] = """
Leadership|team leadership|fuhrung|fuhrungskompetenz|leadership skills|liderazgo|lideranca|direction d'equipe
Multitasking|multi-tasking
Time Management|zeitmanagement|gestion du temps|gestion del tiempo|gestao do tempo|gestione del tempo|timemanagement
Organizational Skills|organisational skills|organization|organisation|organizational|organisationstalent
Attention to Detail|detail oriented|detail-oriented
Problem Solving|problem-solving|problemlosung|resolution de problemes|resolucion de problemas|resolucao de problemas|problem solving skills|probleemoplossend
Critical Thinking|kritisches denken|pensee critique|pensamiento critico
Analytical Skills|analytical|analytical thinking|analytisches denken|esprit d'analyse|capacidad analitica
Decision Making|decision-making|entscheidungsfindung|prise de decision|toma de decisiones
Communication|communication skills|kommunikation|kommunikationsfahigkeit|comunicacion|comunicacao|comunicazione|communicatie|verbal communication|written communication|good communication
Interpersonal Skills|interpersonal|people skills|relationship building
Teamwork|team work|team player|teamfahigkeit|teamarbeit|travail d'equipe|trabajo en equipo|trabalho em equipe|lavoro di squadra|samenwerken|collaboration|=Collaboration
Adaptability|flexibility|flexibilitat|adaptabilite|adaptabilidad|flessibilita
Creativity|kreativitat|creativite|creatividad|criatividade|creativita|creativiteit|creative thinking
Emotional Intelligence
Conflict Resolution|conflict management|konfliktlosung|gestion des conflits|resolucion de conflictos
Customer Focus|customer orientation|kundenorientierung|orientation client|orientacion al cliente
Work Ethic
Self-Motivation|self motivated|self-motivated|selbstmotivation
Stress Management|working under pressure|belastbarkeit
Active Listening
Empathy|empathie|empatia
Persuasion
Networking Skills|=Networking skills
Presentation Skills
Report Writing
Research Skills
Planning|=Planning|planung|planification|planificacion|planejamento|pianificazione|planning skills
Coordination|=Coordination|koordination
Delegation|=Delegation
Motivation|=Motivation
Initiative|=Initiative
Reliability|zuverlassigkeit|fiabilite
"""

S["Social Media Platforms"] = """
Facebook|facebook ads|facebook marketing
Twitter|=X (Twitter)
LinkedIn|linkedin recruiter
Instagram
YouTube|you tube
Pinterest
TikTok|tik tok
Snapchat
MySpace
Flickr
Tumblr
Reddit
WhatsApp Business
Hootsuite
Buffer|=Buffer
Sprout Social
TypePad
Blogger|=Blogger
Medium|=Medium
Substack
Vimeo
"""

S["Certifications"] = """
PMP|=PMP|project management professional
PRINCE2|prince 2|prince2 foundation|prince2 practitioner
CAPM
Certified ScrumMaster|csm|=CSM|scrum master|scrummaster|professional scrum master|psm
CISSP
CISM
CISA
CEH|certified ethical hacker
CompTIA A+|a+ certification|comptia a plus
CompTIA Network+|network+
CompTIA Security+|security+
AWS Certified Solutions Architect|aws solutions architect
AWS Certified Developer
Azure Fundamentals|az-900
Certified Kubernetes Administrator|cka
MCSE
MCSA
MCP|=MCP|microsoft certified professional
OCP|=OCP|oracle certified professional
OCA|=OCA|oracle certified associate
RHCE
RHCSA
CFA|=CFA|chartered financial analyst
CPA|=CPA|certified public accountant
ACCA
CIMA
CMA|=CMA|certified management accountant
FRM|=FRM
CFP|=CFP|certified financial planner
SHRM-CP|shrm
PHR|=PHR
CIPD
TOEFL
IELTS
Cambridge English|cambridge certificate|fce|cae|cpe
DELF
DALF
DELE
Goethe-Zertifikat|goethe zertifikat|goethe certificate
TOEIC
"""

REL = """
PostgreSQL	MySQL	similar
PostgreSQL	MariaDB	similar
MySQL	MariaDB	similar
PostgreSQL	Microsoft SQL Server	similar
PostgreSQL	Oracle Database	similar
MySQL	Microsoft SQL Server	similar
Oracle Database	Microsoft SQL Server	similar
MongoDB	Couchbase	similar
MongoDB	CouchDB	similar
Cassandra	HBase	similar
Redis	Memcached	similar
Elasticsearch	Solr	similar
Elasticsearch	OpenSearch	similar
React	Vue.js	similar
React	Angular	similar
Vue.js	Angular	similar
React	Svelte	similar
Next.js	Nuxt.js	similar
React	React Native	related
Flutter	React Native	similar
Swift	Objective-C	similar
Kotlin	Java	similar
Scala	Java	similar
Java	C#	similar
C	C++	related
C++	Rust	similar
Go	Rust	similar
Python	Ruby	similar
Python	R	similar
JavaScript	TypeScript	similar
Django	Flask	similar
Flask	FastAPI	similar
Django	Ruby on Rails	similar
Laravel	Symfony	similar
Spring Boot	Quarkus	similar
Spring Boot	Micronaut	similar
Express.js	Koa	similar
Express.js	NestJS	similar
Express.js	Fastify	similar
Amazon Web Services	Microsoft Azure	similar
Amazon Web Services	Google Cloud Platform	similar
Microsoft Azure	Google Cloud Platform	similar
Docker	Podman	similar
Kubernetes	OpenShift	similar
Kubernetes	Docker Swarm	similar
Terraform	Pulumi	similar
Terraform	CloudFormation	similar
Ansible	Puppet	similar
Ansible	Chef	similar
Jenkins	GitLab CI	similar
Jenkins	GitHub Actions	similar
GitHub Actions	GitLab CI	similar
CircleCI	Travis CI	similar
Prometheus	Datadog	similar
Grafana	Kibana	similar
Splunk	Elasticsearch	related
TensorFlow	PyTorch	similar
Keras	TensorFlow	related
scikit-learn	XGBoost	related
pandas	NumPy	related
Apache Spark	Hadoop	related
Apache Spark	Apache Flink	similar
Apache Kafka	RabbitMQ	similar
Apache Kafka	Amazon Kinesis	similar
RabbitMQ	ActiveMQ	similar
Airflow	Prefect	similar
Airflow	Dagster	similar
Tableau	Power BI	similar
Tableau	Looker	similar
Power BI	Qlik	similar
Snowflake	Amazon Redshift	similar
Snowflake	Google BigQuery	similar
Amazon Redshift	Google BigQuery	similar
Jira	Trello	similar
Jira	Asana	similar
Confluence	SharePoint	similar
Git	Subversion	similar
Git	Mercurial	similar
Maven	Gradle	similar
Selenium	Cypress	similar
Selenium	Playwright	similar
Cypress	Playwright	similar
JUnit	TestNG	similar
Jest	Mocha	similar
pytest	unittest	similar
Adobe Photoshop	GIMP	similar
Adobe Illustrator	Inkscape	similar
Adobe Illustrator	CorelDRAW	similar
Figma	Sketch	similar
Figma	Adobe XD	similar
Adobe Premiere Pro	Final Cut Pro	similar
Adobe Premiere Pro	DaVinci Resolve	similar
AutoCAD	SolidWorks	related
SolidWorks	CATIA	similar
SolidWorks	Creo	similar
SolidWorks	Autodesk Inventor	similar
Revit	AutoCAD	related
ANSYS	Abaqus	similar
MATLAB	Python	related
MATLAB	Simulink	related
Salesforce	HubSpot	similar
Salesforce	Dynamics 365	similar
SAP	Oracle E-Business Suite	similar
QuickBooks	Xero	similar
QuickBooks	Sage	similar
Microsoft Office	Google Workspace	similar
Microsoft Office	LibreOffice	similar
Excel	Google Sheets	similar
Microsoft Word	Google Workspace	related
Linux	Unix	similar
Ubuntu	Debian	similar
Red Hat Enterprise Linux	CentOS	similar
Red Hat Enterprise Linux	Ubuntu	similar
Windows Server	Linux	related
Nginx	Apache HTTP Server	similar
Apache Tomcat	JBoss	similar
VMware	Hyper-V	similar
VMware	KVM	similar
Scrum	Kanban	similar
Agile	Scrum	related
Project Management	Program Management	similar
PMP	PRINCE2	similar
Certified ScrumMaster	PMP	related
CompTIA Security+	CISSP	related
Machine Learning	Deep Learning	related
Machine Learning	Data Science	related
Natural Language Processing	Large Language Models	related
Computer Vision	OpenCV	related
Data Analysis	Statistics	related
Accounting	Bookkeeping	similar
Auditing	Accounting	related
Digital Marketing	Social Media Marketing	related
Search Engine Optimization	Search Engine Marketing	similar
Recruitment	Human Resources	related
Customer Service	Customer Success	similar
Sales	Business Development	similar
Teaching	Tutoring	similar
Nursing	Patient Care	related
HTML	CSS	related
Sass	Less	similar
Webpack	Vite	similar
npm	Yarn	similar
Unity	Unreal Engine	similar
OpenGL	Vulkan	similar
OpenGL	DirectX	similar
Bash	PowerShell	similar
Perl	Python	similar
PHP	Ruby	similar
Visual Studio Code	IntelliJ IDEA	similar
Eclipse	IntelliJ IDEA	similar
"""


def main():
    seen = {}
    lines = ["# Shortlist skills gazetteer: canonical<TAB>category<TAB>aliases (| separated; =X: case-sensitive)",
             "# Written for Shortlist; CC0-1.0. Generated by generate.py - edit the script, not this file."]
    n_alias = 0
    for cat, block in S.items():
        for raw in block.strip().splitlines():
            raw = raw.strip()
            if not raw:
                continue
            parts = [p.strip() for p in raw.split("|") if p.strip()]
            canon, aliases = parts[0], parts[1:]
            # short all-letter aliases ("ai", "ps", "hr") are ordinary words
            # or syllables in lower case: only their capitalised form counts
            aliases = ["=" + a.upper() if (a.isalpha() and len(a) <= 3 and a.islower()) else a
                       for a in aliases]
            aliases = list(dict.fromkeys(aliases))
            key = canon.casefold()
            if key in seen:
                continue
            seen[key] = canon
            n_alias += len(aliases)
            lines.append("%s\t%s\t%s" % (canon, cat, "|".join(aliases)))
    with open(os.path.join(HERE, "skills.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    rel_lines = ["# close relatives: A<TAB>B<TAB>kind (similar = can stand in for each other; related = often together)"]
    for raw in REL.strip().splitlines():
        a, b, kind = raw.split("\t")
        if a.casefold() not in seen or b.casefold() not in seen:
            raise SystemExit("relation names an unknown skill: %r" % raw)
        rel_lines.append(raw)
    with open(os.path.join(HERE, "relations.tsv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rel_lines) + "\n")
    print("%d skills, %d aliases, %d relations" % (len(seen), n_alias, len(rel_lines) - 1))


if __name__ == "__main__":
    main()
